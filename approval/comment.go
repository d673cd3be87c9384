package approval

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// MaxCommentBytes is the longest comment accepted.
const MaxCommentBytes = 8 << 10

// EventCommentAdded is the live event for a new comment.
const EventCommentAdded = "comment.added"

// CommentInput is a new comment, a reply when ParentID is set.
type CommentInput struct {
	Body     string `json:"body"`
	ParentID *int64 `json:"parent_id,omitempty"`
}

// AddComment comments on a post. Members named "@local-part" (of their
// e-mail) or "@FirstLast" are recorded as mentions and notified.
//
// Returns EFORBIDDEN for colistiers (the discussion is the web team's),
// ENOTFOUND for an unknown post, EINVALID for an empty or too long body or
// a parent on another post.
func (s *Service) AddComment(ctx context.Context, postID int64, in CommentInput) (*store.Comment, error) {
	m, err := mayDiscuss(ctx)
	if err != nil {
		return nil, err
	} else if err := in.validate(); err != nil {
		return nil, err
	}
	c := &store.Comment{PostID: postID, ParentID: in.ParentID, AuthorID: m.ID, Author: m.Name, Body: strings.TrimSpace(in.Body)}
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		p, err := tx.PostByID(postID)
		if err != nil {
			return err
		} else if err := checkParent(tx, in.ParentID, postID); err != nil {
			return err
		}
		if c.Mentions, err = mentions(tx, c.Body, m.ID); err != nil {
			return err
		} else if err := tx.CreateComment(c); err != nil {
			return err
		}
		s.announceComment(tx, p, c)
		if err := s.notifyMembers(tx, c.Mentions, &relais.Post{ID: p.ID, Text: c.Body}, KindMention, m.Name); err != nil {
			return err
		}
		return audit(tx, m, "post.comment", p, i18n.Code("history.comment", "id", strconv.FormatInt(c.ID, 10), "text", excerpt(c.Body)))
	})
	return c, err
}

// Comments returns a post's comments, oldest first; replies name their
// parent. Returns EFORBIDDEN for colistiers, ENOTFOUND for an unknown post.
func (s *Service) Comments(ctx context.Context, postID int64) ([]*store.Comment, error) {
	if _, err := mayDiscuss(ctx); err != nil {
		return nil, err
	}
	var out []*store.Comment
	err := s.store.View(ctx, func(tx *store.Tx) error {
		if _, err := tx.PostByID(postID); err != nil {
			return err
		}
		var err error
		out, err = tx.Comments(postID)
		return err
	})
	return out, err
}

func mayDiscuss(ctx context.Context) (*relais.Member, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.PostDiscuss, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not take part in post discussions.", m.Role)
	}
	return m, nil
}

func (in CommentInput) validate() error {
	b := strings.TrimSpace(in.Body)
	if b == "" {
		return relais.FieldErrorf("body", "Comment text is required.").With("error.comment_body")
	} else if !utf8.ValidString(b) || len(b) > MaxCommentBytes {
		return relais.FieldErrorf("body", "Comment must be valid text of at most %d bytes.", MaxCommentBytes).With("error.comment_long", "max", strconv.Itoa(MaxCommentBytes))
	}
	return nil
}

func checkParent(tx *store.Tx, parentID *int64, postID int64) error {
	if parentID == nil {
		return nil
	}
	parent, err := tx.CommentByID(*parentID)
	if relais.ErrorCode(err) == relais.ENOTFOUND || (err == nil && parent.PostID != postID) {
		return relais.FieldErrorf("parent_id", "Comment %d is not on this post.", *parentID).With("error.comment_parent")
	}
	return err
}

var mentionRE = regexp.MustCompile(`@([\p{L}\p{N}._-]+)`)

// mentions resolves "@name" words to members who may read the discussion,
// leaving out the author. A word matches an e-mail's local part, or a name
// without spaces, case-insensitively.
func mentions(tx *store.Tx, body string, author int64) ([]int64, error) {
	words := mentionRE.FindAllStringSubmatch(body, -1)
	if len(words) == 0 {
		return []int64{}, nil
	}
	ms, err := tx.Members()
	if err != nil {
		return nil, err
	}
	out, seen := []int64{}, map[int64]bool{}
	for _, w := range words {
		word := strings.ToLower(strings.TrimRight(w[1], ".-_"))
		for _, m := range ms {
			local, _, _ := strings.Cut(m.Email, "@")
			name := strings.ToLower(strings.ReplaceAll(m.Name, " ", ""))
			if (word == strings.ToLower(local) || word == name) && !seen[m.ID] && m.ID != author && policy.Can(m, policy.PostDiscuss, policy.Object{}) {
				seen[m.ID] = true
				out = append(out, m.ID)
			}
		}
	}
	return out, nil
}

func (s *Service) announceComment(tx *store.Tx, p *relais.Post, c *store.Comment) {
	if s.events == nil {
		return
	}
	e := relais.Event{Type: EventCommentAdded, PostID: p.ID, State: string(p.State), At: tx.Now(),
		Data: map[string]any{"comment_id": c.ID, "author": c.Author, "text": excerpt(c.Body), "mentions": c.Mentions}}
	tx.AfterCommit(func() { s.events.Publish(e) })
}
