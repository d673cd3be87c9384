package events

import (
	"fmt"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// draftRoles is the order of the drafts draftInputs returns.
var draftRoles = []string{relais.DraftAnnounce, relais.DraftLive, relais.DraftRecap}

// kindLabels name each kind in the drafts' French.
var kindLabels = map[relais.FieldEventKind]string{
	relais.KindMeeting: "Réunion publique", relais.KindMarket: "Tournée du marché",
	relais.KindDoorToDoor: "Porte-à-porte", relais.KindPopUp: "Prise de parole",
	relais.KindHackathon: "Hackathon", relais.KindOtherAction: "Rendez-vous",
}

var weekdaysFR = []string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}

// draftInputs writes the event's three drafts (in French, the campaign's
// language): the announcement the day before at the event's hour (on
// approval when that is already past), the live template the field team
// completes on site (on approval), and the thank-you at 10:00 the day
// after it ends.
func (s *Service) draftInputs(e *relais.FieldEvent, targets []approval.Target, now time.Time) []approval.PostInput {
	start := e.StartsAt.In(s.cfg.Location)
	when := fmt.Sprintf("%s %d à %s", weekdaysFR[start.Weekday()], start.Day(), start.Format("15h04"))
	var announceAt *time.Time
	day := "bientôt" // less than a day ahead: announced on approval
	if at := e.StartsAt.Add(-24 * time.Hour); at.After(now.Add(5 * time.Minute)) {
		announceAt, day = &at, "demain"
	}
	announce := fmt.Sprintf("%s %s, %s : « %s », %s (%s). Venez nombreuses et nombreux !",
		kindLabels[e.Kind], day, when, e.Title, e.Place, e.District)
	if e.Public && s.cfg.BaseURL != "" {
		announce += " Inscription : " + s.cfg.BaseURL + "/e/" + e.Slug
	}
	live := fmt.Sprintf("En direct : « %s », %s. [Une phrase du terrain, une photo ou une vidéo]", e.Title, e.Place)
	recap := fmt.Sprintf("Merci à toutes celles et tous ceux venus hier pour « %s » (%s) ! [Le bilan en une phrase]", e.Title, e.Place)
	recapAt := nextMorning(e.EndsAt, s.cfg.Location)
	return []approval.PostInput{
		{Text: announce, Targets: targets, ScheduledAt: announceAt},
		{Text: live, Targets: targets},
		{Text: recap, Targets: targets, ScheduledAt: &recapAt},
	}
}
