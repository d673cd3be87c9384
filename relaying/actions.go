package relaying

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/connectors/bluesky"
	"github.com/relais/relais/connectors/httpc"
	"github.com/relais/relais/connectors/mastodon"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// recent reads a's latest posts with its own credentials.
func (s *Service) recent(ctx context.Context, a *relais.Account) ([]Item, error) {
	n := s.PerAccount
	if n <= 0 {
		n = 5
	}
	switch a.Platform {
	case relais.PlatformBluesky:
		repo := a.Credentials[bluesky.CredDID]
		if repo == "" {
			repo = a.Handle // listRecords takes a handle as well as a DID
		}
		items, err := s.Client.BlueskyRecent(ctx, s.pds(a), repo, n)
		return ownRecords(repo, items), err
	case relais.PlatformMastodon:
		tok := a.Credentials[mastodon.CredAccessToken]
		id, err := s.Client.MastodonSelf(ctx, base(a, ""), tok)
		if err != nil {
			return nil, err
		}
		return s.Client.MastodonRecent(ctx, base(a, ""), tok, id, n)
	case relais.PlatformX:
		return s.xRecent(ctx, a)
	}
	return nil, fmt.Errorf("relaying: %s is not read", a.Platform)
}

// ownRecords keeps the records of repo when it is a DID (a handle's DID is
// not known here): a PDS could answer another repo's record, which a
// repost would then take as the colistier's.
func ownRecords(repo string, items []Item) []Item {
	if !strings.HasPrefix(repo, "did:") {
		return items
	}
	out := items[:0]
	for _, it := range items {
		if strings.HasPrefix(it.URI, "at://"+repo+"/") {
			out = append(out, it)
		}
	}
	return out
}

// pds is a's PDS: its own, else the service's, else bsky.social's.
func (s *Service) pds(a *relais.Account) string {
	return base(a, cmp.Or(s.BlueskyPDS, bluesky.DefaultBaseURL))
}

func base(a *relais.Account, def string) string {
	if a.BaseURL != "" {
		return strings.TrimRight(a.BaseURL, "/")
	}
	return strings.TrimRight(def, "/")
}

// Repost reposts the colistier account's post uri from the campaign's
// account on the same platform, at once (a repost adds no words, so it
// needs no approval) and records it in the audit log. It returns the
// repost's id.
func (s *Service) Repost(ctx context.Context, accountID int64, uri string) (string, error) {
	m, err := allowed(ctx, policy.RelayRepost)
	if err != nil {
		return "", err
	} else if err := s.notInBlackout(ctx); err != nil {
		return "", err
	}
	src, it, err := s.find(ctx, accountID, uri)
	if err != nil {
		return "", err
	}
	camp, err := s.campaign(ctx, src.Platform)
	if err != nil {
		return "", err
	} else if resolved(src, camp) && !sameHost(it.URI, base(src, "")) {
		return "", errForeignStatus(src.Handle)
	}
	id, err := s.repost(ctx, src, camp, it)
	if err != nil {
		return "", errRepost(camp.Platform, err)
	}
	return id, s.Store.Update(ctx, func(tx *store.Tx) error {
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: RepostAction,
			Detail: RepostDetail(camp.Handle, it.URI, src.Handle, id)})
	})
}

// notInBlackout refuses a repost during an electoral blackout: it is a
// publication of the campaign's account (EBLACKOUT, naming its end).
func (s *Service) notInBlackout(ctx context.Context) error {
	return s.Store.View(ctx, func(tx *store.Tx) error {
		b, err := tx.Blackout()
		if err != nil {
			return err
		}
		return b.Refuse(tx.Now())
	})
}

// repost calls the platform as the campaign's account.
func (s *Service) repost(ctx context.Context, src, camp *relais.Account, it Item) (string, error) {
	switch camp.Platform {
	case relais.PlatformMastodon:
		return s.reblog(ctx, src, camp, it)
	case relais.PlatformX:
		return "repost of " + it.ID, s.X.Repost(ctx, *camp, it.ID)
	}
	jwt, did, err := s.Client.BlueskySession(ctx, s.pds(camp), camp.Credentials[bluesky.CredIdentifier], camp.Credentials[bluesky.CredAppPassword])
	if err != nil {
		return "", err
	}
	return s.Client.BlueskyRepost(ctx, s.pds(camp), jwt, did, it)
}

// reblog boosts it from the campaign's Mastodon account. A status id is
// its instance's: when the colistier is on another instance, the status
// is first resolved on the campaign's (by its URL, which must be on the
// colistier's server: the campaign's would boost whatever another holds
// there) and that id boosted.
func (s *Service) reblog(ctx context.Context, src, camp *relais.Account, it Item) (string, error) {
	inst, tok, id := base(camp, ""), camp.Credentials[mastodon.CredAccessToken], it.ID
	if resolved(src, camp) {
		var err error
		if id, err = s.Client.MastodonResolve(ctx, inst, tok, it.URI); err != nil {
			return "", err
		}
	}
	return s.Client.MastodonReblog(ctx, inst, tok, id)
}

// resolved reports whether a Mastodon repost from camp of src's status
// resolves it by its URL first (they are on different instances).
func resolved(src, camp *relais.Account) bool {
	return camp.Platform == relais.PlatformMastodon && !strings.EqualFold(base(src, ""), base(camp, ""))
}

// sameHost reports whether URL a is on the server of URL b.
func sameHost(a, b string) bool {
	ua, err := url.Parse(a)
	if err != nil {
		return false
	}
	ub, err := url.Parse(b)
	return err == nil && ua.Host != "" && strings.EqualFold(ua.Host, ub.Host)
}

// Quote writes a post by the signed-in member, addressed to the
// campaign's account on the same platform, with her comment quoting the
// colistier's post (a Bluesky record embed, an X quote; on Mastodon the
// post's link ends the text), and submits it: the tone check and the routing
// decide who approves it, as for any post. Returns the post.
func (s *Service) Quote(ctx context.Context, accountID int64, uri, comment string) (*relais.Post, error) {
	if _, err := allowed(ctx, policy.RelayRead); err != nil {
		return nil, err
	} else if strings.TrimSpace(comment) == "" {
		return nil, errNoComment()
	}
	src, it, err := s.find(ctx, accountID, uri)
	if err != nil {
		return nil, err
	}
	camp, err := s.campaign(ctx, src.Platform)
	if err != nil {
		return nil, err
	}
	text, q := quoteOf(src, it, strings.TrimSpace(comment))
	p, err := s.Quoter.CreatePost(ctx, approval.PostInput{Text: text, Targets: []approval.Target{{ID: camp.ID}}, Quote: q})
	if err != nil {
		return nil, err
	}
	return s.Quoter.Submit(ctx, p.ID)
}

// quoteOf is the text and quote of a quote of it by src with comment:
// where the platform embeds quotes (Bluesky, X) the text is the comment
// alone, elsewhere the link to the post follows it.
func quoteOf(src *relais.Account, it Item, comment string) (string, *relais.PostQuote) {
	q := &relais.PostQuote{Platform: src.Platform, URI: it.URI, ID: it.ID, URL: webLink(src, it),
		Author: relais.NormalizeHandle(src.Handle), Text: PlainText(it.Text)}
	switch src.Platform {
	case relais.PlatformBluesky:
		q.CID, q.ID = it.ID, ""
		return comment, q
	case relais.PlatformX:
		return comment, q
	}
	return comment + "\n\n" + q.URL, q
}

// BlueskySession signs in with an app password and returns the access
// token and the DID.
func (c *Client) BlueskySession(ctx context.Context, pds, identifier, password string) (string, string, error) {
	var out struct{ AccessJwt, Did string }
	err := c.postJSON(ctx, pds+"/xrpc/com.atproto.server.createSession", map[string]string{"identifier": identifier, "password": password}, &out)
	return out.AccessJwt, out.Did, err
}

// MastodonSelf returns the id of the account token belongs to
// (GET /api/v1/accounts/verify_credentials).
// https://docs.joinmastodon.org/methods/accounts/#verify_credentials
func (c *Client) MastodonSelf(ctx context.Context, base, token string) (string, error) {
	var out struct {
		ID string `json:"id"`
	}
	if err := c.call(ctx, httpc.Request{URL: base + "/api/v1/accounts/verify_credentials", Op: "verify credentials", Token: token}, &out); err != nil {
		return "", err
	} else if out.ID == "" {
		return "", fmt.Errorf("relaying: Mastodon gave no account id")
	}
	return out.ID, nil
}

// RepostAction is the audit action of a repost.
const RepostAction = "relay.repost"

// RepostDetail is the audit detail of a repost; RepostedHandle reads the
// colistier's handle back from it (the balance meter counts reposts).
func RepostDetail(campaign, uri, colistier, id string) string {
	return fmt.Sprintf("%s reposted %s by %s as %s", campaign, uri, colistier, id)
}

// RepostedHandle returns the handle of the colistier a repost detail
// names, or "".
func RepostedHandle(detail string) string {
	i := strings.LastIndex(detail, " by ")
	if i < 0 {
		return ""
	}
	h, _, _ := strings.Cut(detail[i+4:], " as ")
	return h
}
