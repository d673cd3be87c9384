package supporters

import (
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/mail"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/store"
)

// Kits e-mails supporters' share kits, each exactly once:
//
//  1. claim: the kit's Message-ID (stable per supporter and post) and a
//     claim token are committed (state claimed) before anything is sent;
//  2. MAIL, RCPT, DATA and the message go out over a reused session;
//  3. hand: before the final "." of DATA, the kit moves to handed in its
//     own commit, conditional on the claim;
//  4. the final "." goes out; on 250 the kit is sent (recorded in groups).
//
// After a crash, a claimed kit was provably never handed over (an SMTP
// server discards a message whose final "." never came), so it is sent
// again, with the same Message-ID. A handed kit is never sent again: the
// server may have it. The one window left is a crash between the commit
// of handed and the "." reaching the socket (microseconds): that kit is
// then lost, never doubled. A permanent refusal at RCPT marks the address
// invalid; no consent, an unsubscribe or an erasure since the fan-out
// skips the kit.
type Kits struct {
	svc   *Service
	links *analytics.Linker // nil: links as written
	smtp  email.Config
	rate  *Limiter
	log   *slog.Logger
	group int // kits per claim transaction
}

// NewKits returns a sender through cfg, limited to perMinute messages a
// minute (0: unlimited).
func NewKits(svc *Service, cfg email.Config, perMinute int, log *slog.Logger) *Kits {
	if log == nil {
		log = slog.Default()
	}
	return &Kits{svc: svc, smtp: cfg, rate: NewLimiter(perMinute), log: log, group: 100}
}

// session is a batch's state: its claim token and open SMTP session.
type session struct {
	k       *Kits
	claim   string
	conn    *conn
	post    *relais.Post
	content *content
	sent    []int64
	handed  []int64 // handed in this group (to tell where a refused kit is)
}

// SendKits sends the share kits among the given suggestions of a post.
// It returns a retryable error when the mail server is unreachable or
// answers "try later": the kits not yet sent are left to the retry.
func (k *Kits) SendKits(ctx context.Context, postID int64, suggestionIDs []int64) error {
	post, rows, c, err := k.load(ctx, postID, suggestionIDs)
	if err != nil {
		return err
	}
	todo, err := k.sort(ctx, post, rows, c)
	if err != nil || len(todo) == 0 {
		return err
	}
	s := &session{k: k, claim: newClaim(), post: post, content: c}
	defer s.closeConn()
	for start := 0; start < len(todo); start += k.group {
		if err := s.group(ctx, todo[start:min(start+k.group, len(todo))]); err != nil {
			return err
		}
	}
	return nil
}

// load reads the post, its kits among suggestionIDs and its images.
func (k *Kits) load(ctx context.Context, postID int64, suggestionIDs []int64) (post *relais.Post, rows []store.KitRow, c *content, err error) {
	c = &content{}
	err = k.svc.store.View(ctx, func(tx *store.Tx) (err error) {
		if post, err = tx.PostByID(postID); err != nil {
			return err
		}
		if c.images, err = loadImages(tx, post); err != nil {
			return err
		}
		rows, err = tx.KitRows(suggestionIDs)
		return err
	})
	return post, rows, c, err
}

// sort returns the kits to send and sets the others aside: digest
// subscribers' wait for the digest, unreachable ones are skipped. It
// gives the kits to send their unsubscribe token and c their tracked
// texts.
func (k *Kits) sort(ctx context.Context, post *relais.Post, rows []store.KitRow, c *content) ([]store.KitRow, error) {
	todo, skip, digest := triage(rows)
	err := k.svc.store.Update(ctx, func(tx *store.Tx) error {
		if err := withTokens(tx, todo); err != nil {
			return err
		}
		if err := k.trackTexts(tx, post, todo, c); err != nil {
			return err
		}
		if err := tx.SetKitsState(skip, store.KitQueued, store.KitSkipped); err != nil {
			return err
		}
		if err := tx.SetKitsState(skip, store.KitClaimed, store.KitSkipped); err != nil {
			return err
		}
		return tx.SetKitsState(digest, store.KitQueued, store.KitDigest)
	})
	return todo, err
}

// triage splits kits into those to send now, those to skip (supporter no
// longer reachable) and those for the digest; sent ones are left out.
func triage(rows []store.KitRow) (todo []store.KitRow, skip, digest []int64) {
	for _, r := range rows {
		switch {
		case r.MailState != store.KitQueued && r.MailState != store.KitClaimed:
		case !r.Reachable():
			skip = append(skip, r.SuggestionID)
		case r.KitMode == relais.KitDigest && r.MailState == store.KitQueued:
			digest = append(digest, r.SuggestionID)
		default:
			todo = append(todo, r)
		}
	}
	return todo, skip, digest
}

// withTokens gives each kit its supporter's unsubscribe token, creating
// the missing ones.
func withTokens(tx *store.Tx, rows []store.KitRow) error {
	for i := range rows {
		if rows[i].Token == nil || *rows[i].Token == "" {
			tok, err := tx.SupporterToken(rows[i].SupporterID)
			if err != nil {
				return err
			}
			rows[i].Token = &tok
		}
	}
	return nil
}

// group claims up to k.group kits in one commit, sends them, and records
// the sent ones.
func (s *session) group(ctx context.Context, rows []store.KitRow) error {
	ids, held, err := s.claimGroup(ctx, rows)
	if err != nil {
		return err
	}
	var failed error
	for _, r := range rows {
		if !held[r.SuggestionID] {
			continue
		}
		r.MessageID = ids[r.SuggestionID]
		if failed = s.one(ctx, r); failed != nil {
			break
		}
	}
	if err := s.flush(ctx); err != nil {
		return err
	}
	return failed
}

// claimGroup records the kits' Message-IDs and the claim in one commit
// and returns the Message-IDs and the kits this session now holds.
func (s *session) claimGroup(ctx context.Context, rows []store.KitRow) (map[int64]string, map[int64]bool, error) {
	ids := make(map[int64]string, len(rows))
	for _, r := range rows {
		ids[r.SuggestionID] = s.k.messageID(r)
	}
	var claimed []int64
	err := s.k.svc.store.Update(ctx, func(tx *store.Tx) (err error) {
		claimed, err = tx.ClaimKits(ids, s.claim)
		return err
	})
	held := make(map[int64]bool, len(claimed))
	for _, id := range claimed {
		held[id] = true
	}
	return ids, held, err
}

// one sends one claimed kit and records what became of it.
func (s *session) one(ctx context.Context, r store.KitRow) error {
	if err := s.k.rate.Wait(ctx); err != nil {
		return s.release(ctx, r, err)
	}
	if s.conn == nil {
		c, err := dial(ctx, s.k.smtp)
		if err != nil {
			return s.release(ctx, r, err)
		}
		s.conn = c
	}
	msg, err := s.k.message(s.post, s.content, r)
	if err != nil {
		return s.mark(ctx, r, store.KitClaimed, store.KitFailed)
	}
	out, err := s.conn.send(s.k.from(), r.Email, msg, func() (bool, error) { return s.hand(ctx, r) })
	return s.after(ctx, r, out, err)
}

// after records the outcome of one message.
func (s *session) after(ctx context.Context, r store.KitRow, out outcome, err error) error {
	switch out {
	case delivered:
		s.sent = append(s.sent, r.SuggestionID)
		return nil
	case badRecipient:
		s.k.log.Info("share kit address refused for good", slog.Int64("supporter_id", r.SupporterID))
		return s.invalid(ctx, r, []int64{r.SuggestionID})
	case unknownResult:
		s.closeConn()
		s.k.log.Warn("share kit handed over without an answer: not sent again", slog.Int64("suggestion_id", r.SuggestionID), slog.Any("error", err))
		return nil
	case notHanded:
		s.closeConn()
		if err != nil {
			return s.release(ctx, r, err)
		}
		return nil // another sender holds it
	}
	if connectors.ClassOf(err) == connectors.Permanent {
		return s.mark(ctx, r, s.stateOf(r), store.KitFailed)
	}
	s.closeConn()
	return s.release(ctx, r, err)
}

// stateOf is where a refused kit is: handed when refused after the "."
// (the hand commit ran), else claimed.
func (s *session) stateOf(r store.KitRow) string {
	for _, id := range s.handed {
		if id == r.SuggestionID {
			return store.KitHanded
		}
	}
	return store.KitClaimed
}

// hand commits the kit as handed over, just before the final ".".
func (s *session) hand(ctx context.Context, r store.KitRow) (ok bool, err error) {
	err = s.k.svc.store.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		ok, err = tx.HandKit(r.SuggestionID, s.claim)
		return err
	})
	if ok {
		s.handed = append(s.handed, r.SuggestionID)
	}
	return ok, err
}

// release puts a kit back in the queue (nothing was handed over, or the
// server answered "try later" to its final ".") and returns err for the
// job's retry.
func (s *session) release(ctx context.Context, r store.KitRow, err error) error {
	if e := s.mark(ctx, r, s.stateOf(r), store.KitQueued); e != nil {
		return e
	}
	if err == nil {
		return nil
	}
	return fmt.Errorf("share kit not sent, will retry: %w", err)
}

// invalid records a permanent refusal of the address.
func (s *session) invalid(ctx context.Context, r store.KitRow, ids []int64) error {
	return s.k.svc.store.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		if err := tx.SetKitsState(ids, store.KitClaimed, store.KitInvalid); err != nil {
			return err
		}
		return tx.SetSupporterStatus(r.SupporterID, relais.SupporterInvalid)
	})
}

func (s *session) mark(ctx context.Context, r store.KitRow, from, to string) error {
	return s.k.svc.store.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		return tx.SetKitsState([]int64{r.SuggestionID}, from, to)
	})
}

// flush records the delivered kits as sent.
func (s *session) flush(ctx context.Context) error {
	ids := s.sent
	s.sent, s.handed = nil, nil
	return s.k.svc.store.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		return tx.SetKitsState(ids, store.KitHanded, store.KitSent)
	})
}

func (s *session) closeConn() {
	if s.conn != nil {
		s.conn.close()
		s.conn = nil
	}
}

// messageID is the kit's stable Message-ID (without angle brackets).
func (k *Kits) messageID(r store.KitRow) string {
	if r.MessageID != "" {
		return r.MessageID
	}
	return fmt.Sprintf("kit-%d-%d@%s", r.PostID, r.SupporterID, k.domain())
}

// from is the envelope sender: RELAIS_SMTP_FROM's address.
func (k *Kits) from() string {
	if a, err := mail.ParseAddress(k.smtp.From); err == nil {
		return a.Address
	}
	return k.smtp.From
}

func (k *Kits) domain() string {
	if _, d, ok := strings.Cut(k.from(), "@"); ok && d != "" {
		return d
	}
	return "relais"
}

func newClaim() string {
	b := make([]byte, 12)
	_, _ = crand.Read(b)
	return hex.EncodeToString(b)
}
