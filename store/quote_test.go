package store_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestQuoteKeepsAuthorAndText: a post's quoted post comes back with its
// author and text (for the previews), which the content hash leaves out:
// the hash covers what identifies the quoted post.
func TestQuoteKeepsAuthorAndText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		q := &relais.PostQuote{Platform: relais.PlatformX, URI: "https://x.com/paul20e/status/1869", ID: "1869",
			URL: "https://x.com/paul20e/status/1869", Author: "paul20e", Text: "Au marché de Belleville"}
		m := &relais.Member{Email: "web@x.fr", Name: "web", Role: relais.RoleEditor}
		p := &relais.Post{Text: "Bravo Paul !", State: relais.PostDraft, Quote: q}
		var got *relais.Post
		storetest.Must(t, s.Update(context.Background(), func(tx *store.Tx) (err error) {
			if err = tx.CreateMember(m, ""); err != nil {
				return err
			}
			p.AuthorID = m.ID
			if err = tx.CreatePost(p); err != nil {
				return err
			}
			got, err = tx.PostByID(p.ID)
			return err
		}))
		require.Equal(t, q, got.Quote)
		other := *q
		other.Author, other.Text = "", ""
		bare := *p
		bare.Quote = &other
		require.Equal(t, p.Hash(), bare.Hash(), "author and text are not hashed")
	})
}
