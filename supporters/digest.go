package supporters

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/wneessen/go-mail"

	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
)

// SendDigests e-mails each supporter who chose the daily digest one
// message with the day's kits, with the same exactly-once protocol as a
// kit (claim with a Message-ID per supporter and day, handed before the
// final ".", sent on 250).
func (k *Kits) SendDigests(ctx context.Context) error {
	var ids []int64
	if err := k.svc.store.View(ctx, func(tx *store.Tx) (err error) { ids, err = tx.DigestSupporters(); return err }); err != nil {
		return err
	}
	s := &session{k: k, claim: newClaim()}
	defer s.closeConn()
	day := k.svc.store.Now().In(k.svc.store.Location()).Format("20060102")
	for _, id := range ids {
		if err := s.digest(ctx, id, day); err != nil {
			return err
		}
	}
	return nil
}

// digest sends one supporter's digest.
func (s *session) digest(ctx context.Context, supporterID int64, day string) error {
	var rows []store.KitRow
	var images [][]kitImage
	var held bool
	mid := fmt.Sprintf("digest-%d-%s@%s", supporterID, day, s.k.domain())
	err := s.k.svc.store.Update(ctx, func(tx *store.Tx) (err error) {
		if rows, err = tx.DigestKits(supporterID); err != nil || len(rows) == 0 {
			return err
		}
		if !rows[0].Reachable() {
			return tx.SetKitsState(kitIDs(rows), store.KitDigest, store.KitSkipped)
		}
		if rows[0].Token == nil {
			tok, err := tx.SupporterToken(supporterID)
			rows[0].Token = &tok
			if err != nil {
				return err
			}
		}
		if held, err = tx.ClaimDigest(kitIDs(rows), mid, s.claim); err != nil || !held {
			return err
		}
		if images, err = digestImages(tx, rows); err != nil {
			return err
		}
		return s.k.trackDigest(tx, rows)
	})
	if err != nil || !held {
		return err
	}
	return s.sendDigest(ctx, rows, images, mid)
}

// digestImages reads each kit's post images, in the rows' order.
func digestImages(tx *store.Tx, rows []store.KitRow) ([][]kitImage, error) {
	out := make([][]kitImage, len(rows))
	for i, r := range rows {
		p, err := tx.PostByID(r.PostID)
		if err != nil {
			return nil, err
		} else if out[i], err = loadImages(tx, p); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sendDigest sends one claimed digest and records what became of it.
func (s *session) sendDigest(ctx context.Context, rows []store.KitRow, images [][]kitImage, mid string) error {
	ids, r := kitIDs(rows), rows[0]
	if s.conn == nil {
		c, err := dial(ctx, s.k.smtp)
		if err != nil {
			return s.setAll(ctx, ids, store.KitClaimed, store.KitDigest, err)
		}
		s.conn = c
	}
	msg, err := s.k.digestMessage(rows, images, mid)
	if err != nil {
		return s.setAll(ctx, ids, store.KitClaimed, store.KitFailed, nil)
	}
	handed := false
	out, err := s.conn.send(s.k.from(), r.Email, msg, func() (bool, error) {
		err := s.k.svc.store.Update(context.WithoutCancel(ctx), func(tx *store.Tx) (err error) { handed, err = tx.HandKits(ids, s.claim); return err })
		return handed, err
	})
	return s.afterDigest(ctx, rows, handed, out, err)
}

// afterDigest records the outcome of one digest.
func (s *session) afterDigest(ctx context.Context, rows []store.KitRow, handed bool, out outcome, err error) error {
	ids := kitIDs(rows)
	from := map[bool]string{true: store.KitHanded, false: store.KitClaimed}[handed]
	switch {
	case out == delivered:
		return s.setAll(ctx, ids, store.KitHanded, store.KitSent, nil)
	case out == unknownResult:
		s.closeConn()
		return nil
	case out == badRecipient:
		return s.invalid(ctx, rows[0], ids)
	case connectors.ClassOf(err) == connectors.Permanent:
		return s.setAll(ctx, ids, from, store.KitFailed, nil)
	}
	s.closeConn()
	return s.setAll(ctx, ids, from, store.KitDigest, err)
}

// setAll moves kits between states and returns err (for a retry).
func (s *session) setAll(ctx context.Context, ids []int64, from, to string, err error) error {
	e := s.k.svc.store.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error { return tx.SetKitsState(ids, from, to) })
	if e != nil {
		return e
	}
	return err
}

// digestMessage is one e-mail with several kits, each with its post's
// images (images[i] for rows[i]) named below its text and attached.
func (k *Kits) digestMessage(rows []store.KitRow, images [][]kitImage, mid string) (io.WriterTo, error) {
	r := rows[0]
	r.MessageID = mid
	m, err := k.envelope(r, fmt.Sprintf(tr(r.Lang, "digest_subject"), len(rows)))
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString(greeting(r) + tr(r.Lang, "digest_intro") + "\n")
	for i, x := range rows {
		b.WriteString("\n" + strings.Repeat("—", 20) + "\n\n" + x.Text + "\n\n")
		writeImages(&b, r.Lang, images[i])
		writeLinks(&b, r.Lang, x.Text)
	}
	b.WriteString(footer(r, k.svc.UnsubscribeURL(*r.Token)))
	m.SetBodyString(mail.TypeTextPlain, b.String())
	for _, imgs := range images {
		attachImages(m, imgs)
	}
	return m, nil
}

// trackDigest replaces the links of a digest's texts by tracked short
// links (each kit's post, the supporter's district).
func (k *Kits) trackDigest(tx *store.Tx, rows []store.KitRow) (err error) {
	for i := range rows {
		if rows[i].Text, err = k.track(tx, rows[i].PostID, "", rows[i].District, rows[i].Text); err != nil {
			return err
		}
	}
	return nil
}

func kitIDs(rows []store.KitRow) []int64 {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.SuggestionID
	}
	return ids
}
