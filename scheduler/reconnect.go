package scheduler

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// EventNeedsReconnect announces an account whose token the platform refused.
const EventNeedsReconnect = "account.needs_reconnect"

// deadTokenError is what a delivery to an account that needs reconnecting
// records without calling the platform: nothing is retried against a dead
// token. A delivery that was already publishing may have gone out before
// the token died, so it becomes outcome_unknown instead of failed.
func deadTokenError(a *attempt) error {
	class := connectors.AuthExpired
	if a.d.State == relais.DeliveryPublishing {
		class = connectors.OutcomeUnknown
	}
	return &connectors.Error{Class: class, Platform: string(a.account.Platform),
		Message: "the account needs reconnecting: nothing was sent"}
}

// markNeedsReconnect flags the account inside tx and, once committed,
// alerts its owner and the web team (live event and e-mail). It does
// nothing if the account was already flagged.
func (w *DeliverWorker) markNeedsReconnect(tx *store.Tx, a *relais.Account) error {
	if flagged, err := tx.FlagNeedsReconnect(a.ID); err != nil || !flagged {
		return err // already flagged by another delivery: its owner knows
	}
	if err := tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "account.needs_reconnect",
		Detail: fmt.Sprintf("%s @%s: the platform refused the token", a.Platform, a.Handle)}); err != nil {
		return err
	}
	var owner *relais.Member
	if a.OwnerMemberID != 0 {
		owner, _ = tx.MemberByID(a.OwnerMemberID)
	}
	tx.AfterCommit(func() { w.alertReconnect(a, owner) })
	return nil
}

func (w *DeliverWorker) alertReconnect(a *relais.Account, owner *relais.Member) {
	w.s.publish(relais.Event{Type: EventNeedsReconnect, Audience: reconnectAudience(owner),
		Data: map[string]any{"account_id": a.ID, "platform": a.Platform, "handle": a.Handle}})
	if w.s.cfg.Mailer == nil || owner == nil {
		return
	}
	p := map[string]string{"name": owner.Name, "platform": i18n.T(owner.Lang, "platform."+string(a.Platform), nil), "handle": a.Handle}
	msg := email.Message{To: []string{owner.Email}, Subject: i18n.T(owner.Lang, "mail.reconnect.subject", p),
		Text: i18n.T(owner.Lang, "mail.reconnect.body", p)}
	if err := w.s.cfg.Mailer.Send(context.Background(), msg); err != nil {
		w.s.log.Warn("cannot alert account owner", slog.Int64("account_id", a.ID), slog.Any("error", err))
	}
}

// reconnectAudience is who can reconnect an account: the web leads and
// admins (the owner is told by e-mail, not every member of her role).
func reconnectAudience(*relais.Member) []relais.Role {
	return policy.Holders(policy.AccountsManage)
}
