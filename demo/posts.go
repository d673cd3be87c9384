package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
)

// demoPost is one post of the demo's week and how far it goes.
type demoPost struct {
	author, target, text string
	in                   time.Duration // scheduled this long from now; 0 for none
	sensitive            bool
	to                   string // draft, in_review, changes_requested, rejected, scheduled, published
	comment              string // the approver's, for changes_requested and rejected
}

var week = []demoPost{
	{"cm@demo.relais.fr", "@avecanne", "Idée pour la semaine prochaine : une vidéo sur les jardins partagés du 20e.", 0, false, "draft", ""},
	{"cm@demo.relais.fr", "@avecanne", "Porte-à-porte samedi matin dans le 18e : rendez-vous à 10h métro Jules Joffrin.", 50 * time.Hour, false, "draft", ""},
	{"cm@demo.relais.fr", "@avecanne", "Réunion publique jeudi à 19h au gymnase Japy : venez poser vos questions à Anne Valois.", 0, false, "in_review", ""},
	{"web@demo.relais.fr", "@annevalois", "Je m'engage à ouvrir les cours d'école le week-end dans tous les arrondissements.", 30 * time.Hour, false, "in_review", ""},
	{"cm@demo.relais.fr", "@avecanne", "Marché d'Aligre dimanche matin avec l'équipe du 12e.", 0, false, "changes_requested", "Ajoutez l'heure du rendez-vous, s'il vous plaît."},
	{"cm@demo.relais.fr", "@avecanne", "Nos propositions pour les pistes cyclables, en images.", 0, false, "rejected", "Le visuel n'est pas prêt : on le reporte."},
	{"cm@demo.relais.fr", "@avecanne", "Ce soir à 20h, Anne Valois répond à vos questions en direct.", 26 * time.Hour, false, "scheduled", ""},
	{"cm@demo.relais.fr", "@avecanne", "Merci aux 120 bénévoles mobilisés ce week-end dans les 17 secteurs !", 74 * time.Hour, false, "scheduled", ""},
	{"cm@demo.relais.fr", "@avecanne", "Merci à toutes celles et ceux venus au meeting de la Bellevilloise hier soir.", 0, false, "published", ""},
}

// SeedPosts gives the demo a week of posts in every state (draft, in
// review, changes requested, rejected, scheduled, published, and one
// delivery whose outcome is unknown) through the workflow service itself,
// so that a newcomer sees a living campaign. It does nothing when the
// database already has posts.
func SeedPosts(ctx context.Context, svc *approval.Service, s *store.Store) error {
	members := map[string]*relais.Member{}
	var n int
	err := s.View(ctx, func(tx *store.Tx) error {
		ps, err := tx.Posts(store.PostFilter{Limit: 1})
		n = len(ps)
		for _, l := range Logins {
			if m, _, err := tx.MemberByEmail(l.Email); err == nil {
				members[l.Email] = m
			}
		}
		return err
	})
	if err != nil || n > 0 {
		return err
	}
	for _, d := range week {
		if err := seedPost(ctx, svc, members, d); err != nil {
			return fmt.Errorf("demo post %q: %w", d.text, err)
		}
	}
	return seedOutcomeUnknown(ctx, s, members["cm@demo.relais.fr"])
}

func seedPost(ctx context.Context, svc *approval.Service, members map[string]*relais.Member, d demoPost) error {
	author, web := members[d.author], members["web@demo.relais.fr"]
	in := approval.PostInput{Text: d.text, Targets: []approval.Target{{Handle: d.target}}, Sensitive: d.sensitive}
	if d.in > 0 {
		at := time.Now().Add(d.in).Truncate(time.Hour)
		in.ScheduledAt = &at
	}
	p, err := svc.CreatePost(as(author), in)
	if err != nil || d.to == "draft" {
		return err
	}
	if p, err = svc.Submit(as(author), p.ID); err != nil || d.to == "in_review" {
		return err
	}
	decision := approval.DecisionInput{ContentHash: p.ContentHash, Comment: d.comment}
	switch d.to {
	case "changes_requested":
		_, err = svc.RequestChanges(as(web), p.ID, decision)
	case "rejected":
		_, err = svc.Reject(as(web), p.ID, decision)
	default: // scheduled or published (at once, through the sandbox)
		_, err = svc.Approve(as(web), p.ID, approval.ApproveInput{ContentHash: p.ContentHash, AcknowledgeWarnings: true})
	}
	return err
}

func as(m *relais.Member) context.Context {
	return relais.NewContextWithMember(context.Background(), m)
}

// seedOutcomeUnknown records a post whose delivery timed out: the kind a
// web lead must settle by hand (the service never makes one on purpose).
// It walks the post and its delivery through the lifecycle's events
// (created, submitted, approved, fanned out, settled as unknown) in one
// transaction, audited as the demo's.
func seedOutcomeUnknown(ctx context.Context, s *store.Store, author *relais.Member) error {
	return s.Update(ctx, func(tx *store.Tx) error {
		a, err := tx.AccountByHandle("avecanne.bsky.social")
		if err != nil {
			return err
		}
		p := &relais.Post{AuthorID: author.ID, Text: "Rendez-vous demain au forum des associations du 11e.", Targets: []int64{a.ID}}
		p.ContentHash = p.Hash()
		if err := tx.CreatePostBy(p, relais.PostCreate); err != nil {
			return err
		}
		for _, ev := range []relais.PostEvent{relais.PostSubmit, relais.PostApprove, relais.PostFanOut} {
			if err := tx.MovePost(p, ev); err != nil {
				return err
			}
		}
		if err := seedUnknownDelivery(tx, p); err != nil {
			return err
		} else if err := tx.MovePost(p, relais.PostSettleUnknown); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "demo.seed", PostID: p.ID, ContentHash: p.ContentHash,
			Detail: i18n.Code("history.demo_unknown")})
	})
}

// seedUnknownDelivery gives p one delivery that timed out.
func seedUnknownDelivery(tx *store.Tx, p *relais.Post) error {
	ds, err := tx.CreateDeliveries(p.ID, p.Targets, func(int64) string { return "demo-" + p.ContentHash[:12] })
	if err != nil {
		return err
	}
	d := ds[0]
	d.Attempts = 1
	if err := tx.MoveDelivery(d, relais.DeliveryStartPublishing); err != nil {
		return err
	}
	d.Error = i18n.Code("delivery.timeout")
	return tx.MoveDelivery(d, relais.DeliverySettleUnknown)
}
