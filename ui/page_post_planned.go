package ui

import (
	"strconv"
	"strings"

	"github.com/relais/relais"
)

// Planned says, for an approved post waiting for its time, when and on
// which accounts it will be published, its deliveries being created then;
// "" for any other post.
func (p postPage) Planned() string {
	v := p.Post
	if v == nil || (v.State != relais.PostScheduled && v.State != relais.PostApproved) {
		return ""
	}
	names := make([]string, 0, len(v.Targets))
	for _, id := range v.Targets {
		if n, ok := p.Handles[id]; ok {
			names = append(names, n)
		} else {
			names = append(names, "#"+strconv.FormatInt(id, 10))
		}
	}
	if v.ScheduledAt == nil {
		return p.Tf("post.deliveries_soon", strings.Join(names, ", "))
	}
	return p.Tf("post.deliveries_planned", fmtTime(v.ScheduledAt, p.Lang, p.Location()), strings.Join(names, ", "))
}
