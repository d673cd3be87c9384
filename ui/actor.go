package ui

import (
	"regexp"
	"strings"
)

// actorShape is how the audit log names a member: relais.Actor's
// "Name <email> (role)".
var actorShape = regexp.MustCompile(`^(.*?) <[^>]*> \(([a-z_]+)\)$`)

// ActorLabel is a history line's actor for a reader: a member's name and
// her role in the page's language (the e-mail stays in the audit log);
// "system" and the like are translated when the catalogue knows them.
func (p Page) ActorLabel(actor string) string {
	if m := actorShape.FindStringSubmatch(actor); m != nil {
		return strings.TrimSpace(m[1]) + " (" + p.TOr("role."+m[2], m[2]) + ")"
	}
	return p.TOr("actor."+actor, actor)
}
