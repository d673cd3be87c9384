package scheduler

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/store"
)

// TestShareKitInSupporterLanguage: a share kit is written in its
// supporter's language, French by default.
func TestShareKitInSupporterLanguage(t *testing.T) {
	en := shareKit(store.ShareKit{PostID: 1, SuggestionID: 2, Email: "sam@example.org", Name: "Sam", Lang: "en", Text: "Public meeting on Thursday"})
	require.Equal(t, "To share: Public meeting on Thursday", en.Subject)
	require.Contains(t, en.Text, "Hello Sam,\n\nHere is a message to share if you wish:")
	require.Contains(t, en.Text, "Thank you for your support!")
	require.NotContains(t, en.Text, "Bonjour")
	fr := shareKit(store.ShareKit{PostID: 1, SuggestionID: 3, Email: "lea@example.org", Name: "Léa", Text: "Réunion publique jeudi"})
	require.Equal(t, "À partager : Réunion publique jeudi", fr.Subject)
	require.Contains(t, fr.Text, "Bonjour Léa,")
	require.Contains(t, fr.Text, "Merci pour votre soutien !")
}
