package events

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"time"
	"unicode"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// mayCreate reports whether m may create field events: whoever may
// draft posts, since an event writes three drafts.
func mayCreate(m *relais.Member) bool { return policy.Can(m, policy.EventsCreate, policy.Object{}) }

// Create validates in, stores the event and generates its three drafts
// (announce, live, recap) in one transaction: on any error nothing is
// stored. The drafts target in.Targets, or else the campaign's accounts
// and the event district's accounts, and go through normal review.
func (s *Service) Create(ctx context.Context, in Input) (*relais.FieldEvent, error) {
	m, err := member(ctx)
	if err != nil {
		return nil, err
	}
	lang := langOf(m)
	if !mayCreate(m) {
		return nil, codeErr(lang, relais.EFORBIDDEN, "forbidden.create", m.Role)
	}
	e, err := s.validate(in, s.cfg.Store.Now(), lang)
	if err != nil {
		return nil, err
	}
	targets := in.Targets
	if len(targets) == 0 {
		if targets, err = s.defaultTargets(ctx, e.District); err != nil {
			return nil, err
		} else if len(targets) == 0 {
			return nil, fieldErr(lang, "targets", "targets.none")
		}
	}
	if e.Slug, err = s.newSlug(ctx, e.Title); err != nil {
		return nil, err
	}
	ins := s.draftInputs(e, targets, s.cfg.Store.Now())
	_, err = s.cfg.Approval.CreateDraftsWith(ctx, ins, i18n.Code("history.event", "slug", e.Slug), func(tx *store.Tx, m *relais.Member, posts []*relais.Post) error {
		e.CreatedBy = m.ID
		for i, p := range posts {
			e.Drafts = append(e.Drafts, relais.FieldEventPost{PostID: p.ID, Role: draftRoles[i]})
		}
		return tx.CreateFieldEvent(e)
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// defaultTargets returns the campaign's active accounts and those of
// district.
func (s *Service) defaultTargets(ctx context.Context, district string) ([]approval.Target, error) {
	var out []approval.Target
	err := s.cfg.Store.View(ctx, func(tx *store.Tx) error {
		as, err := tx.Accounts()
		for _, a := range as {
			if a.Status != relais.AccountNeedsReconnect && (a.OwnerKind == relais.OwnerCampaign ||
				(a.OwnerKind == relais.OwnerDistrict && a.District == district)) {
				out = append(out, approval.Target{ID: a.ID})
			}
		}
		return err
	})
	return out, err
}

// newSlug returns an unused slug: the title's words and a random suffix,
// so that a private event's drafts never reveal a guessable address.
func (s *Service) newSlug(ctx context.Context, title string) (string, error) {
	base := slugify(title)
	for {
		b := make([]byte, 3)
		_, _ = rand.Read(b)
		slug := base + "-" + hex.EncodeToString(b)
		var taken bool
		err := s.cfg.Store.View(ctx, func(tx *store.Tx) (err error) {
			taken, err = tx.FieldEventSlugTaken(slug)
			return err
		})
		if err != nil || !taken {
			return slug, err
		}
	}
}

// unaccent folds the accented letters of French to ASCII.
var unaccent = strings.NewReplacer("à", "a", "â", "a", "ä", "a", "ç", "c", "é", "e", "è", "e", "ê", "e",
	"ë", "e", "î", "i", "ï", "i", "ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ÿ", "y", "œ", "oe", "æ", "ae")

// slugify keeps lower-case ASCII letters and digits of s, French accents
// folded, words joined by dashes, at most about 48 bytes.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range unaccent.Replace(strings.ToLower(s)) {
		if b.Len() >= 48 {
			break
		} else if r >= 128 || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteRune(r)
		dash = false
	}
	if b.Len() == 0 {
		return "evenement"
	}
	return b.String()
}

// nextMorning returns 10:00 on the day after t, in loc (the campaign's).
func nextMorning(t time.Time, loc *time.Location) time.Time {
	p := t.In(loc)
	return time.Date(p.Year(), p.Month(), p.Day()+1, 10, 0, 0, 0, p.Location()).UTC()
}
