package approval

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// PostInput is what an author writes.
type PostInput struct {
	Text        string                     `json:"text"`
	Variants    map[relais.Platform]string `json:"variants,omitempty"`
	Targets     []Target                   `json:"targets"`
	ScheduledAt *time.Time                 `json:"scheduled_at,omitempty"`
	Sensitive   bool                       `json:"sensitive,omitempty"`
	Media       []int64                    `json:"media,omitempty"` // uploaded image IDs, in order
	Lang        string                     `json:"lang,omitempty"`  // "fr" or "en"; empty: detected from the text
	Video       *VideoInput                `json:"video,omitempty"` // instead of images
	// Quote is the colistier's post quoted (set by package relaying, not
	// by API clients); an edit without one keeps the post's quote.
	Quote *relais.PostQuote `json:"-"`
}

// Target is an account ID or a handle ("@anne", "x:anne").
type Target struct {
	ID     int64
	Handle string
}

// UnmarshalJSON accepts a number or a string.
func (t *Target) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		s, err := strconv.Unquote(string(b))
		if err != nil {
			return err
		}
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			t.ID = id
			return nil
		}
		t.Handle = s
		return nil
	}
	id, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("target must be an account id or a handle")
	}
	t.ID = id
	return nil
}

// CreatePost saves a draft by the signed-in member. Returns EFORBIDDEN if
// the role may not draft, EINVALID for bad fields or targets.
func (s *Service) CreatePost(ctx context.Context, in PostInput) (*relais.Post, error) {
	p, err := s.writePost(ctx, writer, 0, in, func(tx *store.Tx, m *relais.Member, av attachedVideo) (*relais.Post, error) {
		p := &relais.Post{AuthorID: m.ID}
		if err := writeInput(tx, m, p, in, av); err != nil {
			return nil, err
		}
		if err := tx.CreatePostBy(p, relais.PostCreate); err != nil {
			return nil, err
		}
		return p, audit(tx, m, "post.create", p, "")
	})
	if err != nil {
		return nil, err // nothing was saved
	}
	return p, nil
}

// writePost is CreatePost's and UpdatePost's prelude: the member who
// (caller or writer) returns, the input's video (post, when not 0, is the
// post edited: the upload it already carries stays whoever made it),
// then write in one transaction.
func (s *Service) writePost(ctx context.Context, who func(context.Context) (*relais.Member, error), post int64, in PostInput,
	write func(tx *store.Tx, m *relais.Member, av attachedVideo) (*relais.Post, error)) (*relais.Post, error) {
	m, err := who(ctx)
	if err != nil {
		return nil, err
	}
	av, err := s.loadVideo(ctx, in.Video, s.carried(ctx, post))
	if err != nil {
		return nil, err
	}
	var p *relais.Post
	err = s.store.Update(ctx, func(tx *store.Tx) (err error) {
		p, err = write(tx, m, av)
		return err
	})
	return p, err
}

// writer returns the signed-in member if her role may write posts.
func writer(ctx context.Context) (*relais.Member, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.PostCreate, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not write posts.", m.Role)
	}
	return m, nil
}

// writeInput sets p's content from in (the accounts m may publish to, the
// images or the video, the language) and checks it (fields, electoral blackout), then
// sets its content hash. CreatePost and UpdatePost write through it.
func writeInput(tx *store.Tx, m *relais.Member, p *relais.Post, in PostInput, av attachedVideo) error {
	ids, err := resolveTargets(tx, m, in.Targets)
	if err != nil {
		return err
	}
	media, err := resolveMedia(tx, p.ID, in.Media)
	if err != nil {
		return err
	} else if err := av.check(tx, ids); err != nil {
		return err
	}
	p.Text, p.Variants, p.Targets, p.ScheduledAt, p.Sensitive = in.Text, in.Variants, ids, in.ScheduledAt, in.Sensitive
	p.Media, p.Video = media, av.v
	if in.Quote != nil {
		p.Quote = in.Quote
	}
	if p.Lang, err = postLang(in); err != nil {
		return err
	} else if err := p.Validate(tx.Now()); err != nil {
		return err
	} else if err := refuseBlackout(tx, p); err != nil {
		return err
	}
	p.ContentHash = p.Hash()
	return nil
}

// resolveTargets turns targets into distinct account IDs the member may
// publish to.
func resolveTargets(tx *store.Tx, m *relais.Member, targets []Target) ([]int64, error) {
	seen := map[int64]bool{}
	var ids []int64
	for _, t := range targets {
		a, err := lookupTarget(tx, t)
		if relais.ErrorCode(err) == relais.ENOTFOUND {
			return nil, relais.FieldErrorf("targets", "Unknown account %s.", t.String()).With("error.unknown_account", "account", t.String())
		} else if err != nil {
			return nil, err
		} else if !MayTarget(m, a) {
			return nil, relais.FieldErrorf("targets", "You may not publish to account %s.", t.String()).
				With("error.account_forbidden", "account", i18n.T(i18n.EN, "platform."+string(a.Platform), nil)+" @"+a.Handle)
		}
		if !seen[a.ID] {
			seen[a.ID] = true
			ids = append(ids, a.ID)
		}
	}
	return ids, nil
}

func lookupTarget(tx *store.Tx, t Target) (*relais.Account, error) {
	if t.Handle != "" {
		return tx.AccountByHandle(t.Handle)
	}
	return tx.AccountByID(t.ID)
}

// String names the target in messages.
func (t Target) String() string {
	if t.Handle != "" {
		return strconv.Quote(t.Handle)
	}
	return strconv.FormatInt(t.ID, 10)
}

// MayTarget reports whether m may publish to a: the web team to every
// account; the candidate to hers and the campaign's; a colistier to her own.
func MayTarget(m *relais.Member, a *relais.Account) bool {
	return policy.Can(m, policy.PostTarget, policy.AccountObject(a))
}
