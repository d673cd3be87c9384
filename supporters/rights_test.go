package supporters

import (
	"cmp"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/quotedprintable"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

const rightsCSV = "email,first_name,postcode,consent_at,consent_source,mobilised\n" +
	"Lea@Exemple.fr,Léa,75011,2026-02-12,meeting 12/02,oui\n" +
	"paul@exemple.fr,Paul,75020,2026-02-10,formulaire avecanne.fr,oui\n"

// withKit imports two contacts and sends both a share kit through the
// real SMTP server.
func withKit(t *testing.T, dialect string) (*Service, *mailbox) {
	s := newService(t, dialect)
	ctx := AsOperator(context.Background())
	rep, err := s.Import(ctx, strings.NewReader(rightsCSV), Options{Source: "meeting"})
	require.NoError(t, err)
	require.Equal(t, 2, rep.Imported)
	mb := newMailbox(t)
	var postID int64
	storetest.Must(t, s.store.Update(ctx, func(tx *store.Tx) error {
		author := &relais.Member{Email: "cm@exemple.fr", Name: "CM", Role: relais.RoleCommunityManager}
		if err := tx.CreateMember(author, ""); err != nil {
			return err
		}
		p := &relais.Post{AuthorID: author.ID, Text: "Réunion publique jeudi", State: relais.PostPublishing}
		p.ContentHash = p.Hash()
		if err := tx.CreatePost(p); err != nil {
			return err
		}
		postID = p.ID
		ids, err := tx.SupporterIDs([]string{"11e arrondissement", "20e arrondissement"})
		require.Len(t, ids, 2)
		sg := []relais.Suggestion{{PostID: p.ID, SupporterID: ids[0], Text: p.Text}, {PostID: p.ID, SupporterID: ids[1], Text: p.Text}}
		return errors2(err, tx.InsertSuggestions(sg))
	}))
	k := NewKits(s, kitSMTP(mb.addr.Port), 0, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, sendAll(ctx, s.store, k, postID))
	require.Len(t, mb.messages(), 2)
	return s, mb
}

func errors2(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func TestExportForgetSuppression(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		s, _ := withKit(t, dialect)
		ctx := AsOperator(context.Background())
		ex, err := s.Export(ctx, " LEA@exemple.FR ")
		require.NoError(t, err)
		b, _ := json.Marshal(ex)
		require.Contains(t, string(b), `"email":"lea@exemple.fr"`)
		require.Contains(t, string(b), `"source":"meeting 12/02"`)
		require.Contains(t, string(b), `"version":"2026-01"`)
		require.Len(t, ex.Kits, 1)
		require.Equal(t, store.KitSent, ex.Kits[0].State)
		require.Contains(t, ex.Kits[0].MessageID, "@avec-anne.fr")

		er, err := s.Forget(ctx, "lea@exemple.fr")
		require.NoError(t, err)
		require.Equal(t, &Erasure{Erased: true, Consents: 1, Kits: 1}, er)
		_, err = s.Export(ctx, "lea@exemple.fr")
		require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err))
		checkAuditHasNo(t, s, "lea@exemple.fr", "Léa", "supporter.forget")

		rep, err := s.Import(ctx, strings.NewReader("email\nlea@EXEMPLE.fr\npaul@exemple.fr\n"), Options{})
		require.NoError(t, err)
		require.Equal(t, []Rejection{{Line: 2, Field: "email", Reason: ReasonOpposed}}, rep.Rejected)
		require.Equal(t, 1, rep.Updated)
		require.Equal(t, 0, rep.Imported, "the erased address is not imported again")
	})
}

// checkAuditHasNo checks the audit log has action and none of the words.
func checkAuditHasNo(t *testing.T, s *Service, email, name, action string) {
	var found bool
	storetest.Must(t, s.store.View(context.Background(), func(tx *store.Tx) error {
		es, err := tx.Audit(store.AuditFilter{Limit: 100})
		for _, e := range es {
			b, _ := json.Marshal(e)
			require.NotContains(t, strings.ToLower(string(b)), email)
			require.NotContains(t, string(b), name)
			found = found || e.Action == action
		}
		return err
	}))
	require.True(t, found, "audit has %s", action)
}

func TestUnsubscribe(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		s, mb := withKit(t, dialect)
		ctx := context.Background() // no login
		tok := tokenOf(t, mb.messages()[0].header.Get("List-Unsubscribe"))
		p, err := s.Unsubscribe(ctx, tok)
		require.NoError(t, err)
		_, err = s.Unsubscribe(ctx, tok)
		require.NoError(t, err, "twice is harmless")
		_, err = s.Unsubscribe(ctx, "0123456789abcdef0123456789abcdef")
		require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err))
		op := AsOperator(ctx)
		ex, err := s.Export(op, p.Email)
		require.NoError(t, err)
		require.Equal(t, relais.SupporterUnsubscribed, ex.Contact.Status)
		require.False(t, ex.Contact.Mobilised)
		require.Equal(t, store.ConsentWithdrawn, ex.Consents[len(ex.Consents)-1].Action)
		storetest.Must(t, s.store.View(ctx, func(tx *store.Tx) error {
			ids, err := tx.SupporterIDs(nil)
			require.Len(t, ids, 1, "an unsubscribed supporter gets no more kits")
			require.NotEqual(t, p.ID, ids[0])
			return err
		}))
		rep, err := s.Import(op, strings.NewReader("email,consent_at,consent_source,mobilised\n"+p.Email+",2026-02-20,meeting,oui\n"), Options{})
		require.NoError(t, err)
		require.Equal(t, []Rejection{{Line: 2, Field: "email", Reason: ReasonOpposed}}, rep.Rejected, "no re-import after an unsubscribe")
	})
}

func tokenOf(t *testing.T, header string) string {
	i := strings.Index(header, "/u/")
	require.Positive(t, i, header)
	return strings.TrimSuffix(header[i+3:], ">")
}

func TestRetention(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := newService(t, dialect)
		ctx := AsOperator(context.Background())
		now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		s.store.SetNow(func() time.Time { return now })
		_, err := s.Import(ctx, strings.NewReader(rightsCSV), Options{})
		require.NoError(t, err)
		storetest.Must(t, s.store.Update(ctx, func(tx *store.Tx) error {
			return tx.AddElectionRound(&relais.ElectionRound{Name: "1er tour", Day: "2026-03-15"})
		}))
		now = now.AddDate(0, 6, 0) // Sept: six months after the import, but not after the round
		n, err := s.Retain(ctx)
		require.NoError(t, err)
		require.Zero(t, n, "the retention counts from the last round")
		_, err = s.Import(ctx, strings.NewReader("email\npaul@exemple.fr\n"), Options{}) // Paul active again
		require.NoError(t, err)
		now = time.Date(2026, 9, 20, 9, 0, 0, 0, time.UTC) // 6 months after the round
		n, err = s.Retain(ctx)
		require.NoError(t, err)
		require.Equal(t, 1, n)
		_, err = s.Export(ctx, "lea@exemple.fr")
		require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err), "Léa, inactive, is deleted")
		_, err = s.Export(ctx, "paul@exemple.fr")
		require.NoError(t, err, "Paul, active in September, stays")
	})
}

func TestWhoSeesWhat(t *testing.T) {
	s := newService(t, "sqlite")
	_, err := s.Import(AsOperator(context.Background()), strings.NewReader(rightsCSV), Options{})
	require.NoError(t, err)
	as := func(role relais.Role, district string) context.Context {
		return relais.NewContextWithMember(context.Background(), &relais.Member{ID: 9, Email: "m@exemple.fr", Role: role, District: district})
	}
	tests := []struct {
		ctx              context.Context
		list             int // -1: refused
		counts           int
		importOK, rights bool
	}{
		{as(relais.RoleAdmin, ""), 2, 2, true, true},
		{as(relais.RoleEditor, ""), 2, 2, true, false},
		{as(relais.RoleEditor, "11e arrondissement"), 1, 1, true, false},
		{as(relais.RoleCommunityManager, ""), -1, 2, false, false},
		{as(relais.RoleCandidate, ""), -1, 2, false, false},
		{as(relais.RoleColistier, "20e arrondissement"), -1, 1, false, false},
		{context.Background(), -1, -1, false, false},
	}
	for i, tt := range tests {
		page, err := s.List(tt.ctx, store.SupporterFilter{})
		if tt.list < 0 {
			require.Contains(t, []string{relais.EFORBIDDEN, relais.EUNAUTHORIZED}, relais.ErrorCode(err), "case %d", i)
		} else {
			require.NoError(t, err)
			require.Len(t, page.Supporters, tt.list, "case %d", i)
		}
		counts, err := s.Counts(tt.ctx)
		if tt.counts < 0 {
			require.Error(t, err)
		} else {
			require.NoError(t, err)
			require.Len(t, counts, tt.counts, "case %d", i)
		}
		_, err = s.Import(tt.ctx, strings.NewReader("email\n"), Options{DryRun: true})
		require.Equal(t, tt.importOK, err == nil, "case %d: %v", i, err)
		_, err = s.Export(tt.ctx, "lea@exemple.fr")
		require.Equal(t, tt.rights, err == nil, "case %d: %v", i, err)
		_, err = s.Forget(tt.ctx, "nobody@exemple.fr")
		require.Equal(t, tt.rights, err == nil, "case %d: %v", i, err)
	}
}

// TestDigest checks a supporter who chose the daily digest gets one
// message with the day's two kits, once, and the others a kit per post.
func TestDigest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		s, mb := withKit(t, dialect) // one kit each already sent
		ctx := context.Background()
		tok := tokenOf(t, mb.messages()[0].header.Get("List-Unsubscribe"))
		digester := mb.messages()[0].to
		_, err := s.SetKitMode(ctx, tok, relais.KitDigest)
		require.NoError(t, err)
		_, err = s.SetKitMode(ctx, tok, "weekly")
		require.Equal(t, relais.EINVALID, relais.ErrorCode(err))
		k := NewKits(s, kitSMTP(mb.addr.Port), 0, slog.New(slog.NewTextHandler(io.Discard, nil)))
		linker, err := analytics.NewLinker(ctx, s.store, "https://r.relais.example")
		require.NoError(t, err)
		k.SetLinker(linker)
		var marche int64
		for _, text := range []string{"Marché samedi 10h : https://avec-anne.fr/marche", "Réunion publique jeudi 19h"} {
			postID := newPostWithKits(t, s, text)
			marche = cmp.Or(marche, postID)
			require.NoError(t, sendAll(ctx, s.store, k, postID))
		}
		require.Len(t, mb.messages(), 4, "two kits for the supporter who kept one per post")
		require.NoError(t, k.SendDigests(ctx))
		require.NoError(t, k.SendDigests(ctx))
		msgs := mb.messages()
		require.Len(t, msgs, 5, "one digest, once")
		d := msgs[4]
		require.Equal(t, digester, d.to)
		require.Regexp(t, `^<digest-\d+-\d{8}@avec-anne\.fr>$`, d.header.Get("Message-Id"))
		require.Equal(t, "List-Unsubscribe=One-Click", d.header.Get("List-Unsubscribe-Post"))
		body, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(d.body)))
		require.Contains(t, string(body), "Marché samedi 10h")
		require.Contains(t, string(body), "Réunion publique jeudi 19h")
		require.NotContains(t, string(body), "avec-anne.fr/marche", "the digest's links are tracked")
		code := regexp.MustCompile(`https://r\.relais\.example/l/([0-9A-Za-z]{10})`).FindStringSubmatch(string(body))
		require.NotNil(t, code, "a short link in the digest:\n%s", body)
		var links []store.LinkClicks
		storetest.Must(t, s.store.View(ctx, func(tx *store.Tx) (err error) { links, err = tx.PostLinks(marche); return err }))
		require.Len(t, links, 2, "one code per district: the digest's and the other supporter's kit")
		i := slices.IndexFunc(links, func(l store.LinkClicks) bool { return l.Code == code[1] })
		require.GreaterOrEqual(t, i, 0, "the digest's code is saved")
		require.Equal(t, "https://avec-anne.fr/marche", links[i].URL)
		require.Equal(t, analytics.ChannelSupporter, links[i].Channel)
		require.Equal(t, map[string]string{"lea@exemple.fr": "11e arrondissement", "paul@exemple.fr": "20e arrondissement"}[digester], links[i].District)
	})
}

// newPostWithKits creates a post and one queued kit per reachable
// supporter.
func newPostWithKits(t *testing.T, s *Service, text string) int64 {
	var postID int64
	storetest.Must(t, s.store.Update(context.Background(), func(tx *store.Tx) error {
		p := &relais.Post{AuthorID: 1, Text: text, State: relais.PostPublishing}
		p.ContentHash = p.Hash()
		if err := tx.CreatePost(p); err != nil {
			return err
		}
		postID = p.ID
		ids, err := tx.SupporterIDs(nil)
		var sg []relais.Suggestion
		for _, id := range ids {
			sg = append(sg, relais.Suggestion{PostID: p.ID, SupporterID: id, Text: text})
		}
		return errors2(err, tx.InsertSuggestions(sg))
	}))
	return postID
}
