package bluesky

import (
	"context"
	"fmt"
	"strings"

	"github.com/bluesky-social/indigo/api/atproto"
	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// resolveMentions resolves every mentioned handle to a DID with
// com.atproto.identity.resolveHandle. A handle that does not resolve is a
// Permanent error with an "unknown_handle" problem, before anything is
// posted.
func (c *Client) resolveMentions(ctx context.Context, a relais.Account, text string) (map[string]string, error) {
	dids := map[string]string{}
	var probs []connectors.Problem
	for _, m := range mentions(text) {
		h := strings.ToLower(m.value)
		if _, ok := dids[m.value]; ok {
			continue
		}
		out, err := atproto.IdentityResolveHandle(ctx, c.client(a, ""), h)
		switch {
		case err == nil:
			dids[m.value] = out.Did
		case connectors.ClassOf(err) == connectors.Permanent:
			probs = append(probs, connectors.Problem{Field: "text", Code: "unknown_handle",
				Message: fmt.Sprintf("@%s is not a Bluesky handle (it does not resolve)", m.value)})
		default:
			return nil, err
		}
	}
	return dids, connectors.ProblemsError("bluesky", probs)
}
