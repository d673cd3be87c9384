package approval

import (
	"context"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/langdetect"
	"github.com/relais/relais/store"
	"github.com/relais/relais/textdiff"
)

// Deletable reports whether a post in state s may be deleted: drafts,
// posts sent back to their author, and refused posts. Anything a reviewer
// approved stays (cancel it instead).
// It reads the lifecycle table (relais.PostDelete).
func Deletable(s relais.PostState) bool {
	_, err := relais.PostTransition(s, relais.PostDelete)
	return err == nil
}

// Delete soft-deletes a post: it keeps its row, history and audit entries
// but is listed nowhere. Returns EFORBIDDEN unless the caller may edit it,
// ECONFLICT unless it is Deletable.
func (s *Service) Delete(ctx context.Context, id int64) (*relais.Post, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	var p *relais.Post
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if p, err = postToEdit(tx, m, id, "delete"); err != nil {
			return err
		} else if !Deletable(p.State) {
			return &relais.Error{Code: relais.ECONFLICT, Key: "error.delete_state",
				Params:  map[string]string{"state": string(p.State), "from": string(p.State), "event": string(relais.PostDelete), "to": string(relais.PostDeleted)},
				Message: "Only drafts, posts sent back for changes and rejected posts may be deleted."}
		}
		detail := i18n.Code("history.was", "state", string(p.State))
		if err := tx.MovePost(p, relais.PostDelete); err != nil {
			return err
		}
		s.announce(tx, relais.EventPostUpdated, p)
		return audit(tx, m, "post.delete", p, detail)
	})
	return p, err
}

// Duplicate makes a new draft by the caller with a post's text, variants,
// images or video and the accounts of it the caller may target, unscheduled.
func (s *Service) Duplicate(ctx context.Context, id int64) (*relais.Post, error) {
	m, err := writer(ctx)
	if err != nil {
		return nil, err
	}
	var p *relais.Post
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		src, err := tx.PostByID(id)
		if err != nil {
			return err
		}
		p = &relais.Post{AuthorID: m.ID, Text: src.Text, Variants: src.Variants, Sensitive: src.Sensitive, Lang: src.Lang,
			Video: src.Video, Quote: src.Quote} // uploads never change: the copy shares the file
		if p.Targets, err = targetable(tx, m, src.Targets); err != nil {
			return err
		} else if p.Media, err = tx.CopyMedia(src.Media); err != nil {
			return err
		}
		p.ContentHash = p.Hash()
		if err := tx.CreatePostBy(p, relais.PostDuplicate); err != nil {
			return err
		}
		return audit(tx, m, "post.duplicate", p, i18n.Code("history.duplicate", "post", strconv.FormatInt(src.ID, 10)))
	})
	return p, err
}

// targetable keeps the accounts of ids that m may target.
func targetable(tx *store.Tx, m *relais.Member, ids []int64) ([]int64, error) {
	var out []int64
	for _, id := range ids {
		a, err := tx.AccountByID(id)
		if err != nil {
			return nil, err
		}
		if MayTarget(m, a) {
			out = append(out, id)
		}
	}
	if len(out) == 0 {
		return nil, relais.FieldErrorf("targets", "You may target none of this post's accounts.").With("error.no_target_allowed")
	}
	return out, nil
}

// refuseBlackout returns an EBLACKOUT field error (scheduled_at, with the
// window's end) when p is scheduled inside an electoral blackout, so that
// the author learns it when writing, not when the approver approves.
func refuseBlackout(tx *store.Tx, p *relais.Post) error {
	if p.ScheduledAt == nil {
		return nil
	}
	b, err := tx.Blackout()
	if err != nil {
		return err
	}
	return b.Refuse(*p.ScheduledAt)
}

// keepRevision records the text p had before an edit, once the post was
// submitted (a draft's edits are nobody else's business).
func keepRevision(tx *store.Tx, p *relais.Post, text, hash string) error {
	if p.State == relais.PostDraft {
		return nil
	}
	return tx.AddRevision(&store.Revision{PostID: p.ID, ContentHash: hash, Text: text, State: string(p.State)})
}

// reviewDiff returns the words changed since a reviewer last read p: the
// text of the last decision (approval, request for changes), else the text
// the post had when it was last edited in review. Nil if nothing to show.
func reviewDiff(tx *store.Tx, p *relais.Post, decisions []relais.Approval) ([]textdiff.Part, error) {
	if p.State != relais.PostInReview {
		return nil, nil
	}
	revs, err := tx.Revisions(p.ID)
	if err != nil || len(revs) == 0 {
		return nil, err
	}
	base := ""
	for i := len(decisions) - 1; i >= 0 && base == ""; i-- {
		for _, r := range revs {
			if r.ContentHash == decisions[i].ContentHash {
				base = r.Text
			}
		}
	}
	for i := len(revs) - 1; i >= 0 && base == ""; i-- {
		if r := revs[i]; r.State != string(relais.PostChangesRequested) {
			base = r.Text
		}
	}
	if base == "" || base == p.Text {
		return nil, nil
	}
	return textdiff.Words(base, p.Text), nil
}

// postLang is the language of a post being saved: the one chosen, else
// the one its text shows, else French. Returns EINVALID (field "lang") for
// a language relais does not know.
func postLang(in PostInput) (string, error) {
	switch in.Lang {
	case langdetect.French, langdetect.English:
		return in.Lang, nil
	case "", "auto":
		if l := langdetect.Detect(in.Text); l != "" {
			return l, nil
		}
		return langdetect.French, nil
	}
	return "", &relais.Error{Code: relais.EINVALID, Field: "lang", Key: "error.lang", Params: map[string]string{"lang": in.Lang},
		Message: "Language must be fr or en."}
}
