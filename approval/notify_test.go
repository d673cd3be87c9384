package approval

import (
	"context"
	"github.com/relais/relais/i18n"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// TestMailNotifierLinks checks that each recipient gets an e-mail with the
// post's text, the routing reason and a one-tap link.
func TestMailNotifierLinks(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var wg sync.WaitGroup
	got := map[string]string{}
	wg.Add(2)
	mn := MailNotifier{BaseURL: "https://relais.example/", Send: func(ctx context.Context, to, subject, text string) error {
		defer wg.Done()
		mu.Lock()
		defer mu.Unlock()
		got[to] = subject + "\n" + text
		return nil
	}}
	mn.Notify(context.Background(), Notification{Kind: KindApprovalRequested, PostID: 7, Text: "Contre Dupont",
		Why: []string{i18n.ReasonOpponent}, Path: "/posts/7",
		To: []*relais.Member{{ID: 1, Name: "Anne", Email: "anne@x.fr"}, {ID: 2, Name: "Bob", Email: "bob@x.fr", Lang: "en"}}})
	wg.Wait()
	require.Len(t, got, 2)
	mail := got["anne@x.fr"]
	require.True(t, strings.HasPrefix(mail, "À valider"), mail)
	require.Contains(t, mail, "Bonjour Anne")
	require.Contains(t, mail, "« Contre Dupont »")
	require.Contains(t, mail, "sensible : cite un adversaire")
	require.Contains(t, mail, "https://relais.example/posts/7\n")
	require.NotContains(t, mail, "Hello")
	en := got["bob@x.fr"]
	require.True(t, strings.HasPrefix(en, "To approve: a post awaits your decision\n"), en)
	require.Contains(t, en, "Hello Bob")
	require.Contains(t, en, "sensitive: names an opponent")
	require.NotContains(t, en, "Bonjour")
	require.NotContains(t, en, "sensible")
}
