package ui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/relais/relais/approval"
)

// apiWarning is a warning in an API answer: it does not refuse the
// request; its message is in the caller's language.
type apiWarning struct {
	Code    string            `json:"code"`
	Field   string            `json:"field"`
	Message string            `json:"message"`
	Params  map[string]string `json:"params"`
}

// postWithWarnings is a post as the API returns it after a write, with
// the warnings about its date.
type postWithWarnings struct {
	apiPostView
	Warnings []apiWarning `json:"warnings"`
}

// slotWarnings tells, in lang, which other posts are scheduled too close
// to post id on the same account (none when it cannot tell).
func (s *Server) slotWarnings(r *http.Request, lang string, id int64) []apiWarning {
	cs, err := s.cfg.Approval.SlotConflicts(r.Context(), id)
	if err != nil {
		s.log.Warn("slot conflicts not checked", "post", id, "error", err)
	}
	return conflictWarnings(lang, s.cfg.Location, cs)
}

// conflictWarnings words slot conflicts for a reader of lang, times in loc.
func conflictWarnings(lang string, loc *time.Location, cs []approval.SlotConflict) []apiWarning {
	out := []apiWarning{}
	for _, c := range cs {
		params := map[string]string{"post": strconv.FormatInt(c.PostID, 10), "at": c.At.UTC().Format(time.RFC3339),
			"handle": "@" + c.Handle, "spacing": spacingText(c.Spacing)}
		out = append(out, apiWarning{Code: "slot_conflict", Field: "scheduled_at", Params: params,
			Message: fill(lang, translate(lang, "slot.conflict"), params, loc)})
	}
	return out
}

// spacingText is a duration in minutes or whole hours (the same in
// French and English).
func spacingText(d time.Duration) string {
	if d < time.Hour || d%time.Hour != 0 {
		return strconv.Itoa(int(d/time.Minute)) + " min"
	}
	return strconv.Itoa(int(d/time.Hour)) + " h"
}

func init() {
	messages["slot.conflict"] = [2]string{"Attention : la publication #{post} est déjà prévue le {at} sur {handle}, à moins de {spacing} d'écart.",
		"Note: post #{post} is already scheduled for {at} on {handle}, less than {spacing} apart."}
}
