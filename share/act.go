package share

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
)

// ShareInput is a share: the text (empty keeps the suggestion's), whether
// to publish it on the member's connected account, or else the share link
// she used ("x", "bluesky"...).
type ShareInput struct {
	Text    string `json:"text,omitempty"`
	Publish bool   `json:"publish,omitempty"`
	Via     string `json:"via,omitempty"`
}

// Result is a recorded share.
type Result struct {
	Suggestion *relais.Suggestion `json:"suggestion"`
	URL        string             `json:"url,omitempty"`     // the published post, when published
	Verdict    string             `json:"verdict,omitempty"` // tone verdict of an edited text
	Violations json.RawMessage    `json:"violations,omitempty"`
}

// Share records that the signed-in member shared suggestion id. An edited
// text is tone-checked afresh with her account's profile (a block refuses
// it). With Publish, the text is published on her connected account once
// the suggestion's staggered time has come; nothing goes out during an
// electoral blackout. The share is claimed before the platform is called,
// so a double click never publishes twice.
func (s *Service) Share(ctx context.Context, id int64, in ShareInput) (*Result, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	var acct *relais.Account
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		sg, err := suggestionFor(tx, m, id)
		if err != nil {
			return err
		} else if sg.State != StatePending {
			return relais.Errorf(relais.ECONFLICT, "Suggestion %d is already %s.", id, sg.State).With("error.suggestion_state", "state", string(sg.State))
		}
		b, err := tx.Blackout()
		if err != nil {
			return err
		} else if err := b.Refuse(tx.Now()); err != nil {
			return err
		}
		if acct, err = ownAccount(tx, m); err != nil {
			return err
		}
		text := strings.TrimSpace(in.Text)
		edited := text != "" && text != sg.Text
		if edited || in.Publish {
			// An edit, or a publication through relais on her own account,
			// answers to that account's tone profile (often stricter than
			// the campaign account's the post was approved for).
			if !edited {
				text = sg.Text
			}
			if err := s.checkEdit(res, text, acct); err != nil {
				return err
			}
		}
		if edited {
			sg.Text = text
			if err := tx.SetSuggestionText(id, text); err != nil {
				return err
			}
		}
		detail := "via " + strings.TrimSpace(in.Via)
		if in.Publish {
			if err := mayPublish(acct, sg, tx); err != nil {
				return err
			}
			detail = fmt.Sprintf("published on %s @%s", acct.Platform, acct.Handle)
		} else if in.Via == "" {
			detail = "shared by hand"
		}
		if edited {
			detail += " (edited)"
		}
		sg.State = StateShared
		res.Suggestion = sg
		if err := tx.MoveSuggestion(id, StatePending, StateShared); err != nil {
			return err
		}
		s.announce(tx, sg, m)
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: ActionShared,
			PostID: sg.PostID, Detail: "suggestion " + strconv.FormatInt(id, 10) + " " + detail})
	})
	if err != nil || !in.Publish {
		return res, err
	}
	return res, s.publish(ctx, m, acct, res)
}

// checkEdit tone-checks an edited text with the account's profile.
func (s *Service) checkEdit(res *Result, text string, acct *relais.Account) error {
	if len(text) > relais.MaxTextBytes {
		return &relais.Error{Code: relais.ETOOLARGE, Field: "text", Message: "Text is longer than 64 KiB.", Key: "error.text_too_large"}
	}
	profile := relais.DefaultToneProfile(relais.OwnerColistier)
	if acct != nil && acct.ToneProfile != "" {
		profile = acct.ToneProfile
	}
	res.Verdict, res.Violations = s.tone.Check(text, profile)
	if res.Verdict == "block" {
		return &relais.Error{Code: relais.EBLOCKED, Field: "text", Key: "error.share_blocked",
			Message: "Your account's tone rules block this text: rephrase it."}
	}
	return nil
}

// mayPublish refuses a one-click publication that cannot go out now.
func mayPublish(acct *relais.Account, sg *relais.Suggestion, tx *store.Tx) error {
	switch {
	case acct == nil:
		return relais.FieldErrorf("publish", "You have no connected account: use a share link.").With("error.share_no_account")
	case acct.Status == relais.AccountNeedsReconnect:
		return relais.FieldErrorf("publish", "Your account @%s must be reconnected first.", acct.Handle).With("error.share_reconnect", "handle", acct.Handle)
	case tx.Now().Before(sg.NotBefore):
		return relais.Errorf(relais.ECONFLICT, "Not yet: this suggestion may be published from %s (sharing is staggered).",
			sg.NotBefore.In(tx.Location()).Format("02/01 15:04")).With("error.share_not_yet", "at", sg.NotBefore.UTC().Format(time.RFC3339))
	}
	return nil
}

// publishTimeout bounds one one-click publication.
const publishTimeout = 45 * time.Second

// unknownError is a publication that may or may not have gone out.
type unknownError struct{ err error }

func (e *unknownError) Error() string { return e.err.Error() }

// publish sends the claimed share to the member's account. On failure the
// suggestion goes back to pending, unless the platform may have published
// it (then it is marked outcome_unknown and never sent again); either way
// the failure is audited.
func (s *Service) publish(ctx context.Context, m *relais.Member, acct *relais.Account, res *Result) error {
	sg := res.Suggestion
	err := s.send(ctx, m, acct, res)
	if err == nil {
		return nil
	}
	state := StatePending
	var unknown *unknownError
	if errors.As(err, &unknown) {
		state = StateUnknown
		err = relais.Errorf(relais.ECONFLICT, "%s did not answer in time: the post may be online. Check @%s before sharing again.",
			acct.Platform, acct.Handle).With("error.share_unknown", "platform", i18n.T(i18n.EN, "platform."+string(acct.Platform), nil), "handle", acct.Handle)
	}
	undo := s.store.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		sg.State = state
		if err := tx.SetSuggestionState(sg.ID, state); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: ActionShareFailed,
			PostID: sg.PostID, Detail: "suggestion " + strconv.FormatInt(sg.ID, 10) + ": " + relais.ErrorMessage(err)})
	})
	s.districts.reset()
	if undo != nil {
		return fmt.Errorf("cannot record failed share: %w (after %v)", undo, err)
	}
	if relais.ErrorCode(err) == relais.EINTERNAL {
		return relais.Errorf(relais.EINTERNAL, "Publication failed: %v", err)
	}
	return err
}

// send publishes through the account's connector, keyed by suggestion.
func (s *Service) send(ctx context.Context, m *relais.Member, acct *relais.Account, res *Result) error {
	sg := res.Suggestion
	if s.pub == nil {
		return relais.Errorf(relais.EINVALID, "One-click publishing is not configured.").With("error.share_unconfigured")
	}
	var full *relais.Account
	err := s.store.View(ctx, func(tx *store.Tx) (err error) {
		full, err = tx.AccountWithCredentials(acct.ID)
		return err
	})
	if err != nil {
		return err
	}
	c, err := s.pub.For(*full)
	if err != nil {
		return err
	}
	d := connectors.Draft{Text: sg.Text, Language: "fr"}
	if ps := c.Validate(d); len(ps) > 0 {
		return relais.FieldErrorf("text", "%s", ps[0].Message)
	}
	// The publication must not be abandoned half-way because the member's
	// phone went to sleep: it gets its own time limit.
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), publishTimeout)
	defer cancel()
	rc, err := c.Publish(pctx, *full, d, "share-"+strconv.FormatInt(sg.ID, 10))
	if connectors.ClassOf(err) == connectors.OutcomeUnknown {
		return &unknownError{err}
	} else if err != nil {
		return relais.Errorf(relais.EINVALID, "%s could not publish: %v", acct.Platform, err)
	}
	res.URL = rc.URL
	return s.store.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: "suggestion.published",
			PostID: sg.PostID, Detail: fmt.Sprintf("suggestion %d published on @%s: %s", sg.ID, acct.Handle, rc.URL)})
	})
}
