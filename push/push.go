// Package push sends Web Push notifications (RFC 8030, payloads encrypted
// per RFC 8291, VAPID per RFC 8292) through github.com/SherClockHolmes/webpush-go:
// the candidate's phone hears of an approval request and a tap opens the
// post's page, where she approves. It keeps the server's VAPID key pair
// (sealed at rest) and each member's browser subscriptions.
package push

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	webpush "github.com/SherClockHolmes/webpush-go"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
)

// Config holds the service's dependencies.
type Config struct {
	Store      *store.Store
	Subscriber string       // contact in the VAPID token: an e-mail or https URL
	Client     *http.Client // default: 10 s timeout
	AllowHTTP  bool         // accept http:// and loopback endpoints (tests only)
	Log        *slog.Logger
}

// Service manages subscriptions and sends notifications.
type Service struct {
	cfg Config
}

// New returns a push service.
func New(cfg Config) *Service {
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: 10 * time.Second}
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Subscriber == "" {
		cfg.Subscriber = "relais@localhost"
	}
	return &Service{cfg: cfg}
}

// keys returns the VAPID key pair, created on first use.
func (s *Service) keys(ctx context.Context) (private, public string, err error) {
	err = s.cfg.Store.Update(ctx, func(tx *store.Tx) error {
		private, public, err = tx.VAPIDKeys(webpush.GenerateVAPIDKeys)
		return err
	})
	return private, public, err
}

// PublicKey returns the VAPID public key browsers subscribe with.
func (s *Service) PublicKey(ctx context.Context) (string, error) {
	if relais.MemberFromContext(ctx) == nil {
		return "", relais.Errorf(relais.EUNAUTHORIZED, "Sign in first.")
	}
	_, pub, err := s.keys(ctx)
	return pub, err
}

// Subscription is what the browser's PushManager.subscribe returns.
type Subscription struct {
	Endpoint string `json:"endpoint"`
	Keys     struct {
		P256dh string `json:"p256dh"`
		Auth   string `json:"auth"`
	} `json:"keys"`
}

// Subscribe records the signed-in member's browser subscription.
func (s *Service) Subscribe(ctx context.Context, sub Subscription) error {
	m := relais.MemberFromContext(ctx)
	if m == nil {
		return relais.Errorf(relais.EUNAUTHORIZED, "Sign in first.")
	} else if err := s.checkEndpoint(sub.Endpoint); err != nil {
		return err
	} else if b, err := decodeKey(sub.Keys.P256dh); err != nil || len(b) != 65 || b[0] != 4 {
		return relais.FieldErrorf("keys.p256dh", "keys.p256dh must be an uncompressed P-256 public key in base64url.")
	} else if b, err := decodeKey(sub.Keys.Auth); err != nil || len(b) != 16 {
		return relais.FieldErrorf("keys.auth", "keys.auth must be a 16-byte secret in base64url.")
	}
	return s.cfg.Store.Update(ctx, func(tx *store.Tx) error {
		if n, err := tx.CountPushSubscriptions(m.ID); err != nil {
			return err
		} else if n >= 20 {
			return relais.Errorf(relais.ETOOLARGE, "At most 20 devices per member receive notifications.")
		}
		return tx.SavePushSubscription(&store.PushSubscription{MemberID: m.ID, Endpoint: sub.Endpoint,
			P256dh: sub.Keys.P256dh, Auth: sub.Keys.Auth})
	})
}

// checkEndpoint accepts an https URL on a public host (push services are
// on the Internet; anything else would let a member make the server call
// inside its own network).
func (s *Service) checkEndpoint(raw string) error {
	u, err := url.Parse(raw)
	bad := relais.FieldErrorf("endpoint", "endpoint must be the https URL of a push service.")
	if err != nil || len(raw) > 2048 || u.Host == "" || u.User != nil {
		return bad
	} else if s.cfg.AllowHTTP {
		return nil
	} else if u.Scheme != "https" || strings.EqualFold(u.Hostname(), "localhost") {
		return bad
	}
	if ip := net.ParseIP(u.Hostname()); ip != nil && (ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsUnspecified()) {
		return bad
	}
	return nil
}

func decodeKey(s string) ([]byte, error) {
	s = strings.TrimRight(s, "=")
	if b, err := base64.RawURLEncoding.DecodeString(s); err == nil {
		return b, nil
	}
	return base64.RawStdEncoding.DecodeString(s)
}

// Message is a notification's payload, read by the service worker.
type Message struct {
	Title string `json:"title"`
	Body  string `json:"body"`
	URL   string `json:"url"` // the page a tap opens
	Tag   string `json:"tag,omitempty"`
}

// Send pushes msg to every subscription of member id and returns how many
// push services accepted it. Subscriptions the service reports gone (404,
// 410) are forgotten.
func (s *Service) Send(ctx context.Context, memberID int64, msg Message) (int, error) {
	var subs []store.PushSubscription
	if err := s.cfg.Store.View(ctx, func(tx *store.Tx) (err error) {
		subs, err = tx.PushSubscriptions(memberID)
		return err
	}); err != nil || len(subs) == 0 {
		return 0, err
	}
	priv, pub, err := s.keys(ctx)
	if err != nil {
		return 0, err
	}
	payload, _ := json.Marshal(msg)
	sent := 0
	for _, sub := range subs {
		ok, err := s.sendOne(ctx, sub, payload, priv, pub)
		if err != nil {
			s.cfg.Log.Warn("web push failed", "member", memberID, "host", hostOf(sub.Endpoint), "error", err)
		} else if ok {
			sent++
		}
	}
	return sent, nil
}

func (s *Service) sendOne(ctx context.Context, sub store.PushSubscription, payload []byte, priv, pub string) (bool, error) {
	ws := &webpush.Subscription{Endpoint: sub.Endpoint, Keys: webpush.Keys{P256dh: sub.P256dh, Auth: sub.Auth}}
	resp, err := webpush.SendNotificationWithContext(ctx, payload, ws, &webpush.Options{HTTPClient: s.cfg.Client,
		Subscriber: s.cfg.Subscriber, TTL: 6 * 3600, Urgency: webpush.UrgencyHigh, VAPIDPublicKey: pub, VAPIDPrivateKey: priv})
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return false, s.cfg.Store.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error { return tx.DeletePushSubscription(sub.Endpoint) })
	case resp.StatusCode >= 300:
		return false, fmt.Errorf("push service answered %d", resp.StatusCode)
	}
	return true, nil
}

func hostOf(endpoint string) string {
	u, err := url.Parse(endpoint)
	if err != nil {
		return ""
	}
	return u.Host
}

// Notify implements approval.Notifier: approval requests (the candidate's
// and second steps) are pushed to the members' devices, in the background.
func (s *Service) Notify(ctx context.Context, n approval.Notification) {
	if n.Kind != approval.KindApprovalRequested && n.Kind != approval.KindSecondStep {
		return
	}
	for _, m := range n.To {
		msg := messageFor(m, n)
		go func(id int64) {
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
			defer cancel()
			if _, err := s.Send(cctx, id, msg); err != nil {
				s.cfg.Log.Warn("web push failed", "member", id, "error", err)
			}
		}(m.ID)
	}
}

// messageFor writes the notification in the member's language.
func messageFor(m *relais.Member, n approval.Notification) Message {
	title := "relais · validation demandée"
	if m.Lang == "en" {
		title = "relais · approval requested"
	}
	body := []rune(n.Text)
	if len(body) > 140 {
		body = append(body[:139], '…')
	}
	return Message{Title: title, Body: string(body), URL: n.Path, Tag: fmt.Sprintf("post-%d", n.PostID)}
}

// Both notifies through each notifier in turn (e-mail and push).
type Both []approval.Notifier

// Notify implements approval.Notifier.
func (b Both) Notify(ctx context.Context, n approval.Notification) {
	for _, x := range b {
		if x != nil {
			x.Notify(ctx, n)
		}
	}
}
