package approval

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// ResolveInput settles a delivery whose outcome is unknown, after a human
// has looked at the platform: it was published (at URL) or it failed.
type ResolveInput struct {
	Published bool   `json:"published"`
	URL       string `json:"url,omitempty"`  // required when published
	Note      string `json:"note,omitempty"` // why, for the audit log
}

// Resolve settles delivery deliveryID of post postID, which must be
// outcome_unknown. Only an admin or an editor may: relais never retries a
// publication that may have gone out, so a person decides. The post's
// state is derived afresh and the decision is audited.
func (s *Service) Resolve(ctx context.Context, postID, deliveryID int64, in ResolveInput) (*relais.Delivery, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.DeliveryResolve, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Only an admin or an editor may resolve a delivery.")
	}
	in.URL, in.Note = strings.TrimSpace(in.URL), strings.TrimSpace(in.Note)
	if in.Published {
		if u, err := url.Parse(in.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, relais.FieldErrorf("url", "The published post's address (https://…) is required.")
		}
	}
	ev := relais.DeliveryResolveFailed
	if in.Published {
		ev = relais.DeliveryResolvePublished
	}
	var d *relais.Delivery
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if d, err = tx.DeliveryForUpdate(deliveryID); err != nil {
			return err
		} else if d.PostID != postID {
			return relais.Errorf(relais.ENOTFOUND, "delivery %d not found.", deliveryID)
		}
		now := tx.Now()
		if in.Published {
			d.URL, d.PublishedAt = in.URL, &now
		} else {
			d.Error = strings.TrimSpace("resolved as failed " + in.Note)
		}
		if err := tx.MoveDelivery(d, ev); err != nil {
			return err
		}
		p, state, err := settleResolved(tx, postID)
		if err != nil {
			return err
		}
		detail := i18n.Code("history.resolved", "account", strconv.FormatInt(d.AccountID, 10), "state", string(d.State), "url", d.URL)
		if note := strings.TrimSpace(in.Note); note != "" {
			detail = i18n.Code("history.resolved_note", "account", strconv.FormatInt(d.AccountID, 10), "state", string(d.State), "url", d.URL, "note", note)
		}
		if s.events != nil {
			e := relais.Event{Type: relais.EventDelivery, PostID: postID, State: string(state), At: now,
				Data: map[string]any{"account_id": d.AccountID, "delivery_state": d.State, "url": d.URL}}
			tx.AfterCommit(func() { s.events.Publish(e) })
		}
		return audit(tx, m, "delivery.resolved", p, detail)
	})
	return d, err
}

// settleResolved moves post postID to the state its deliveries now
// aggregate to (a settle event), unless some are still open, and returns
// it with that state.
func settleResolved(tx *store.Tx, postID int64) (*relais.Post, relais.PostState, error) {
	ds, err := tx.Deliveries(postID)
	if err != nil {
		return nil, "", err
	}
	p, err := tx.PostForUpdate(postID)
	if err != nil {
		return nil, "", err
	}
	state := relais.AggregateState(ds)
	if ev, final := relais.SettleEvent(state); final {
		return p, state, tx.MovePost(p, ev)
	}
	return p, state, nil
}
