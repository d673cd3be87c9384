package push_test

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/push"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// browserKeys are what a browser's PushManager holds for a subscription:
// a P-256 key pair and a 16-byte auth secret (RFC 8291 §2).
type browserKeys struct {
	priv *ecdh.PrivateKey
	auth []byte
}

func newBrowserKeys(t *testing.T) browserKeys {
	k, err := ecdh.P256().GenerateKey(rand.Reader)
	require.NoError(t, err)
	auth := make([]byte, 16)
	_, _ = rand.Read(auth)
	return browserKeys{priv: k, auth: auth}
}

func (b browserKeys) subscription(endpoint string) push.Subscription {
	var s push.Subscription
	s.Endpoint = endpoint
	s.Keys.P256dh = base64.RawURLEncoding.EncodeToString(b.priv.PublicKey().Bytes())
	s.Keys.Auth = base64.RawURLEncoding.EncodeToString(b.auth)
	return s
}

// decrypt opens an aes128gcm body (RFC 8188 §2 header; RFC 8291 §3.3-3.4
// key derivation), as the browser does.
func (b browserKeys) decrypt(t *testing.T, body []byte) []byte {
	t.Helper()
	require.Greater(t, len(body), 21)
	salt, idlen := body[:16], int(body[20])
	require.Equal(t, uint32(4096), binary.BigEndian.Uint32(body[16:20]))
	asPub, ct := body[21:21+idlen], body[21+idlen:]
	pub, err := ecdh.P256().NewPublicKey(asPub)
	require.NoError(t, err)
	secret, err := b.priv.ECDH(pub)
	require.NoError(t, err)
	prkKey, err := hkdf.Extract(sha256.New, secret, b.auth)
	require.NoError(t, err)
	info := append(append([]byte("WebPush: info\x00"), b.priv.PublicKey().Bytes()...), asPub...)
	ikm, err := hkdf.Expand(sha256.New, prkKey, string(info), 32)
	require.NoError(t, err)
	prk, err := hkdf.Extract(sha256.New, ikm, salt)
	require.NoError(t, err)
	cek, _ := hkdf.Expand(sha256.New, prk, "Content-Encoding: aes128gcm\x00", 16)
	nonce, _ := hkdf.Expand(sha256.New, prk, "Content-Encoding: nonce\x00", 12)
	blk, _ := aes.NewCipher(cek)
	gcm, _ := cipher.NewGCM(blk)
	pt, err := gcm.Open(nil, nonce, ct, nil)
	require.NoError(t, err)
	i := len(pt) - 1
	for i >= 0 && pt[i] == 0 {
		i--
	}
	require.Equal(t, byte(2), pt[i], "last record delimiter (RFC 8188 §2)")
	return pt[:i]
}

// pushService is a push service speaking RFC 8030 §5 (POST to the
// subscription's endpoint, 201 Created), checking VAPID (RFC 8292 §2: the
// Authorization header "vapid t=JWT, k=key", an ES256 JWT whose aud is the
// endpoint's origin) and keeping the encrypted bodies. /gone answers 410
// (RFC 8030 §7.3: the subscription expired).
type pushService struct {
	*httptest.Server
	mu     sync.Mutex
	bodies [][]byte
	keys   []string
}

func newPushService(t *testing.T) *pushService {
	ps := &pushService{}
	ps.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/gone" {
			w.WriteHeader(http.StatusGone)
			return
		}
		if r.Method != "POST" || r.Header.Get("Content-Encoding") != "aes128gcm" || r.Header.Get("TTL") == "" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		key, err := checkVAPID(r.Header.Get("Authorization"), "http://"+r.Host)
		if err != nil {
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		b, _ := io.ReadAll(r.Body)
		ps.mu.Lock()
		ps.bodies, ps.keys = append(ps.bodies, b), append(ps.keys, key)
		ps.mu.Unlock()
		w.WriteHeader(http.StatusCreated)
	}))
	t.Cleanup(ps.Close)
	return ps
}

func (ps *pushService) received() ([][]byte, []string) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return append([][]byte(nil), ps.bodies...), append([]string(nil), ps.keys...)
}

// checkVAPID verifies the token's ES256 signature with key k and its aud.
func checkVAPID(h, origin string) (string, error) {
	rest, ok := strings.CutPrefix(h, "vapid t=")
	tok, k, ok2 := strings.Cut(rest, ", k=")
	if !ok || !ok2 {
		return "", errf("no vapid header")
	}
	raw, err := base64.RawURLEncoding.DecodeString(k)
	if err != nil || len(raw) != 65 {
		return "", errf("bad k")
	}
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return "", errf("bad jwt")
	}
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	x, y := elliptic.Unmarshal(elliptic.P256(), raw)
	if x == nil || len(sig) != 64 {
		return "", errf("bad key or signature")
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if !ecdsa.Verify(&ecdsa.PublicKey{Curve: elliptic.P256(), X: x, Y: y}, sum[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])) {
		return "", errf("signature does not verify")
	}
	claims, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var c struct {
		Aud string `json:"aud"`
		Exp int64  `json:"exp"`
		Sub string `json:"sub"`
	}
	if json.Unmarshal(claims, &c) != nil || c.Aud != origin || c.Exp < time.Now().Unix() || !strings.HasPrefix(c.Sub, "mailto:") {
		return "", errf("bad claims")
	}
	return k, nil
}

type errf string

func (e errf) Error() string { return string(e) }

func setup(t *testing.T) (*push.Service, *store.Store, *relais.Member) {
	s := storetest.Open(t, store.DialectSQLite)
	m := &relais.Member{Email: "anne@x.fr", Name: "Anne", Role: relais.RoleCandidate}
	require.NoError(t, s.Update(context.Background(), func(tx *store.Tx) error { return tx.CreateMember(m, "") }))
	return push.New(push.Config{Store: s, AllowHTTP: true, Subscriber: "web@x.fr"}), s, m
}

func TestApprovalRequestIsPushedEncryptedWithVAPID(t *testing.T) {
	svc, _, anne := setup(t)
	ps := newPushService(t)
	ctx := relais.NewContextWithMember(context.Background(), anne)
	phone := newBrowserKeys(t)
	require.NoError(t, svc.Subscribe(ctx, phone.subscription(ps.URL+"/push/abc")))
	pub, err := svc.PublicKey(ctx)
	require.NoError(t, err)

	svc.Notify(ctx, approval.Notification{Kind: approval.KindApprovalRequested, To: []*relais.Member{anne}, PostID: 12,
		Text: "Réunion publique jeudi à 19h", Path: "/posts/12"})
	require.Eventually(t, func() bool { b, _ := ps.received(); return len(b) == 1 }, 10*time.Second, 20*time.Millisecond)
	bodies, keys := ps.received()
	require.Equal(t, strings.TrimRight(pub, "="), keys[0], "signed with the server's VAPID key")
	var msg push.Message
	require.NoError(t, json.Unmarshal(phone.decrypt(t, bodies[0]), &msg))
	require.Equal(t, push.Message{Title: "relais · validation demandée", Body: "Réunion publique jeudi à 19h", URL: "/posts/12", Tag: "post-12"}, msg)

	// Mentions are not pushed; the same key pair is kept.
	svc.Notify(ctx, approval.Notification{Kind: approval.KindMention, To: []*relais.Member{anne}, PostID: 12, Path: "/posts/12"})
	pub2, _ := svc.PublicKey(ctx)
	require.Equal(t, pub, pub2)
	time.Sleep(100 * time.Millisecond)
	b, _ := ps.received()
	require.Len(t, b, 1)
}

func TestGoneSubscriptionIsForgotten(t *testing.T) {
	svc, s, anne := setup(t)
	ps := newPushService(t)
	ctx := relais.NewContextWithMember(context.Background(), anne)
	require.NoError(t, svc.Subscribe(ctx, newBrowserKeys(t).subscription(ps.URL+"/gone")))
	n, err := svc.Send(ctx, anne.ID, push.Message{Title: "x", URL: "/"})
	require.NoError(t, err)
	require.Zero(t, n)
	require.NoError(t, s.View(ctx, func(tx *store.Tx) error {
		c, err := tx.CountPushSubscriptions(anne.ID)
		require.Zero(t, c)
		return err
	}))
}

func TestSubscribeRefusesBadInput(t *testing.T) {
	s := storetest.Open(t, store.DialectSQLite)
	m := &relais.Member{Email: "anne@x.fr", Name: "Anne", Role: relais.RoleCandidate}
	require.NoError(t, s.Update(context.Background(), func(tx *store.Tx) error { return tx.CreateMember(m, "") }))
	svc := push.New(push.Config{Store: s}) // production rules: https on a public host
	ctx := relais.NewContextWithMember(context.Background(), m)
	good := newBrowserKeys(t).subscription("https://push.example.org/abc")
	for _, c := range []struct {
		field string
		edit  func(*push.Subscription)
	}{
		{"endpoint", func(s *push.Subscription) { s.Endpoint = "http://push.example.org/abc" }},
		{"endpoint", func(s *push.Subscription) { s.Endpoint = "https://127.0.0.1/abc" }},
		{"endpoint", func(s *push.Subscription) { s.Endpoint = "https://10.0.0.8/abc" }},
		{"endpoint", func(s *push.Subscription) { s.Endpoint = "https://localhost/abc" }},
		{"endpoint", func(s *push.Subscription) { s.Endpoint = "not a url" }},
		{"keys.p256dh", func(s *push.Subscription) { s.Keys.P256dh = "AAAA" }},
		{"keys.auth", func(s *push.Subscription) { s.Keys.Auth = "!!" }},
	} {
		sub := good
		c.edit(&sub)
		require.Equal(t, c.field, relais.ErrorField(svc.Subscribe(ctx, sub)), c.field)
	}
	require.NoError(t, svc.Subscribe(ctx, good))
	require.Equal(t, relais.EUNAUTHORIZED, relais.ErrorCode(svc.Subscribe(context.Background(), good)))
}
