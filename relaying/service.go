package relaying

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// Quoter writes and submits posts through the normal approval
// (approval.Service): a quote is the campaign's own words.
type Quoter interface {
	CreatePost(ctx context.Context, in approval.PostInput) (*relais.Post, error)
	Submit(ctx context.Context, id int64) (*relais.Post, error)
}

// Service is the "to relay" list: colistiers' recent public posts on
// their Bluesky, Mastodon and X accounts, which an editor reposts from the
// campaign's account on the same platform (at once, audited) or quotes
// (a post that goes through approval).
type Service struct {
	Store  *store.Store
	Client *Client
	Quoter Quoter
	// BlueskyPDS serves accounts without a BaseURL of their own.
	BlueskyPDS string
	// PerAccount is how many recent posts are read per colistier (default 5).
	PerAccount int
	// X reads and reposts on X (nil: X accounts are not relayed);
	// XDailyCap is the day's X read cap it shares with metrics (0:
	// analytics.DefaultXDailyCap).
	X         XClient
	XDailyCap int64
	xCache    xReads
}

// Entry is a colistier's post in the list.
type Entry struct {
	Account *relais.Account // the colistier's (no credentials)
	Item    Item
	Link    string // a web link to the post
}

// Listing is the list and the accounts that could not be read.
type Listing struct {
	Entries    []Entry
	Unreadable []string // handles
	// XCapped: some X accounts were not read, today's X read cap being spent.
	XCapped bool
}

// relayable reports whether relais reads and reposts on platform p.
func (s *Service) relayable(p relais.Platform) bool {
	return p == relais.PlatformBluesky || p == relais.PlatformMastodon || (p == relais.PlatformX && s.X != nil)
}

// allowed returns the signed-in member if she may do a.
func allowed(ctx context.Context, a policy.Action) (*relais.Member, error) {
	m := relais.MemberFromContext(ctx)
	if m == nil {
		return nil, relais.Errorf(relais.EUNAUTHORIZED, "Sign in first.")
	} else if d := policy.Allowed(m, a, policy.Object{}); !d.Allowed {
		return nil, &relais.Error{Code: relais.EFORBIDDEN, Key: d.Reason, Message: "Your role may not do this."}
	}
	return m, nil
}

// List reads each colistier account's recent posts, newest first.
func (s *Service) List(ctx context.Context) (*Listing, error) {
	if _, err := allowed(ctx, policy.RelayRead); err != nil {
		return nil, err
	}
	accts, err := s.accounts(ctx, relais.OwnerColistier)
	if err != nil {
		return nil, err
	}
	out := &Listing{}
	read, errs := s.readAll(ctx, accts)
	for i, items := range read {
		if errs[i] != nil {
			out.Unreadable = append(out.Unreadable, accts[i].Handle)
			out.XCapped = out.XCapped || errors.Is(errs[i], ErrXCap)
			continue
		}
		for _, it := range items {
			out.Entries = append(out.Entries, Entry{Account: public(accts[i]), Item: it, Link: webLink(accts[i], it)})
		}
	}
	sort.SliceStable(out.Entries, func(i, j int) bool { return out.Entries[i].Item.CreatedAt.After(out.Entries[j].Item.CreatedAt) })
	return out, nil
}

// readAll reads the accounts' recent posts, a few at a time; an account
// that could not be read gets its error.
func (s *Service) readAll(ctx context.Context, accts []*relais.Account) ([][]Item, []error) {
	out, errs := make([][]Item, len(accts)), make([]error, len(accts))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for i, a := range accts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			items, err := s.recent(ctx, a)
			out[i], errs[i] = append([]Item{}, items...), err
		}()
	}
	wg.Wait()
	return out, errs
}

// public is a without its credentials.
func public(a *relais.Account) *relais.Account {
	c := *a
	c.Credentials = nil
	return &c
}

// accounts returns the relayable accounts of kind, with credentials.
func (s *Service) accounts(ctx context.Context, kind relais.OwnerKind) ([]*relais.Account, error) {
	var out []*relais.Account
	err := s.Store.View(ctx, func(tx *store.Tx) error {
		all, err := tx.Accounts()
		if err != nil {
			return err
		}
		for _, a := range all {
			if a.OwnerKind != kind || !s.relayable(a.Platform) || a.BaseURL == "sandbox:" {
				continue
			}
			full, err := tx.AccountWithCredentials(a.ID)
			if err != nil {
				return err
			}
			out = append(out, full)
		}
		return nil
	})
	return out, err
}

// find returns the colistier account id's post uri, read again from the
// platform: only a post the list offers may be relayed.
func (s *Service) find(ctx context.Context, accountID int64, uri string) (*relais.Account, Item, error) {
	accts, err := s.accounts(ctx, relais.OwnerColistier)
	if err != nil {
		return nil, Item{}, err
	}
	for _, a := range accts {
		if a.ID != accountID {
			continue
		}
		items, err := s.recent(ctx, a)
		if err != nil {
			return nil, Item{}, errUnreadable(a.Handle, err)
		}
		for _, it := range items {
			if it.URI == uri {
				return a, it, nil
			}
		}
	}
	return nil, Item{}, errNotListed()
}

// campaign returns the campaign's account on platform p.
func (s *Service) campaign(ctx context.Context, p relais.Platform) (*relais.Account, error) {
	accts, err := s.accounts(ctx, relais.OwnerCampaign)
	if err != nil {
		return nil, err
	}
	for _, a := range accts {
		if a.Platform == p {
			return a, nil
		}
	}
	return nil, errNoCampaign(p)
}

// webLink is the post's address for people.
func webLink(a *relais.Account, it Item) string {
	if a.Platform != relais.PlatformBluesky {
		return it.URI
	}
	rest := strings.TrimPrefix(it.URI, "at://")
	parts := strings.Split(rest, "/")
	if len(parts) != 3 {
		return it.URI
	}
	return fmt.Sprintf("https://bsky.app/profile/%s/post/%s", parts[0], parts[2])
}
