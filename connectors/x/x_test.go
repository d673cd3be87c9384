package x

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/stretchr/testify/require"
)

func TestPublishText(t *testing.T) {
	t.Parallel()
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) {
		require.Equal(t, "POST /2/tweets", r.Method+" "+r.URL.Path)
		require.Equal(t, "application/json", r.Header.Get("Content-Type"))
		require.JSONEq(t, `{"text":"Je suis au salon de l'agriculture 🐄"}`, string(body))
		w.WriteHeader(http.StatusCreated)
		w.Write([]byte(`{"data":{"edit_history_tweet_ids":["1445880548472328192"],"id":"1445880548472328192","text":"Je suis au salon de l'agriculture 🐄"}}`))
	})
	rc, err := New(nil, "").Publish(context.Background(), f.account(), connectors.Draft{Text: "Je suis au salon de l'agriculture 🐄"}, "k1")
	require.NoError(t, err)
	require.Equal(t, connectors.Receipt{RemoteID: "1445880548472328192", URL: "https://x.com/AnneParis/status/1445880548472328192"}, rc)
}

func TestPublishWithImages(t *testing.T) {
	t.Parallel()
	imgs := [][]byte{[]byte("\x89PNG fake one"), []byte("\xff\xd8 fake two")}
	uploads := 0
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) {
		switch r.URL.Path {
		case "/2/media/upload":
			var u uploadRequest
			require.NoError(t, json.Unmarshal(body, &u))
			data, err := base64.StdEncoding.DecodeString(u.Media)
			require.NoError(t, err)
			require.Equal(t, imgs[uploads], data)
			require.Equal(t, "tweet_image", u.MediaCategory)
			uploads++
			w.Write([]byte(`{"data":{"id":"71000` + string(rune('0'+uploads)) + `","media_key":"3_71000","expires_after_secs":86400}}`))
		case "/2/tweets":
			require.JSONEq(t, `{"text":"Photos","media":{"media_ids":["710001","710002"]}}`, string(body))
			w.WriteHeader(http.StatusCreated)
			w.Write([]byte(`{"data":{"id":"9","text":"Photos"}}`))
		}
	})
	d := connectors.Draft{Text: "Photos", Media: []connectors.Media{
		{Filename: "a.png", ContentType: "image/png", Data: imgs[0]},
		{Filename: "b.jpg", ContentType: "image/jpeg", Data: imgs[1]}}}
	rc, err := New(nil, "").Publish(context.Background(), f.account(), d, "k1")
	require.NoError(t, err)
	require.Equal(t, "9", rc.RemoteID)
	require.Equal(t, 3, f.count())
}

func TestPublishErrors(t *testing.T) {
	t.Parallel()
	reset := time.Now().Add(7 * time.Minute).Truncate(time.Second).UTC()
	tests := []struct {
		name   string
		status int
		header map[string]string
		body   string
		class  connectors.Class
		dup    bool
	}{
		{"validation", 400, nil, `{"errors":[{"parameters":{"text":[""]},"message":"Your Tweet text is too long."}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}`, connectors.Permanent, false},
		{"unauthorized", 401, nil, `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`, connectors.AuthExpired, false},
		{"duplicate", 403, nil, `{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}`, connectors.OutcomeUnknown, true},
		{"forbidden", 403, nil, `{"detail":"You are not permitted to perform this action.","type":"about:blank","title":"Forbidden","status":403}`, connectors.Permanent, false},
		{"rate limited", 429, map[string]string{"x-rate-limit-limit": "200", "x-rate-limit-remaining": "0", "x-rate-limit-reset": itoa(reset.Unix())},
			`{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`, connectors.RateLimited, false},
		{"server error after POST", 503, nil, `{"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503}`, connectors.OutcomeUnknown, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.Header().Set("Content-Type", "application/problem+json")
				w.WriteHeader(tt.status)
				w.Write([]byte(tt.body))
			})
			_, err := New(nil, "").Publish(context.Background(), f.account(), connectors.Draft{Text: "Bonjour"}, "k1")
			require.Error(t, err)
			require.Equal(t, tt.class, connectors.ClassOf(err), err.Error())
			require.Equal(t, tt.dup, IsDuplicate(err))
			if tt.class == connectors.RateLimited {
				require.Equal(t, reset, connectors.UntilOf(err))
			}
		})
	}
}

func TestPublishTimeoutIsOutcomeUnknown(t *testing.T) {
	t.Parallel()
	block := make(chan struct{})
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) { <-block })
	defer close(block)
	c := New(&http.Client{Timeout: 50 * time.Millisecond}, "")
	_, err := c.Publish(context.Background(), f.account(), connectors.Draft{Text: "Bonjour"}, "k1")
	require.Equal(t, connectors.OutcomeUnknown, connectors.ClassOf(err), err.Error())
}

func TestUploadFailureIsRetryable(t *testing.T) {
	t.Parallel()
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) {
		require.Equal(t, "/2/media/upload", r.URL.Path)
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	d := connectors.Draft{Text: "Photo", Media: []connectors.Media{{Filename: "a.png", ContentType: "image/png", Data: []byte("png")}}}
	_, err := New(nil, "").Publish(context.Background(), f.account(), d, "k1")
	require.Equal(t, connectors.Retryable, connectors.ClassOf(err), err.Error())
	require.Equal(t, 1, f.count())
}

func TestConnectionRefusedIsRetryable(t *testing.T) {
	t.Parallel()
	f := mustFake(t, nil)
	a := f.account()
	f.srv.Close()
	_, err := New(nil, "").Publish(context.Background(), a, connectors.Draft{Text: "Bonjour"}, "k1")
	require.Equal(t, connectors.Retryable, connectors.ClassOf(err), err.Error())
}

func TestBadInputSendsNothing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		draft connectors.Draft
		code  string
	}{
		{"media type", connectors.Draft{Text: "a", Media: []connectors.Media{{Filename: "a.bmp", ContentType: "image/bmp", Data: []byte("x")}}}, "media_type"},
		{"oversized image", connectors.Draft{Text: "a", Media: []connectors.Media{{Filename: "a.png", ContentType: "image/png", Data: bytes.Repeat([]byte("x"), MaxImageBytes+1)}}}, "media_too_large"},
		{"too many images", connectors.Draft{Text: "a", Media: make([]connectors.Media, 5)}, "too_many_media"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) { t.Error("request sent") })
			probs := New(nil, "").Validate(tt.draft)
			require.NotEmpty(t, probs)
			require.Equal(t, tt.code, probs[0].Code)
			_, err := New(nil, "").Publish(context.Background(), f.account(), tt.draft, "k1")
			require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
			require.Zero(t, f.count())
		})
	}
}

func TestMissingCredentialsIsAuthExpired(t *testing.T) {
	t.Parallel()
	f := mustFake(t, nil)
	a := f.account()
	a.Credentials = map[string]string{CredConsumerKey: "k"}
	_, err := New(nil, "").Publish(context.Background(), a, connectors.Draft{Text: "Bonjour"}, "k1")
	require.Equal(t, connectors.AuthExpired, connectors.ClassOf(err))
	require.Zero(t, f.count())
}

func TestLookupCannotFind(t *testing.T) {
	t.Parallel()
	_, found, err := New(nil, "").Lookup(context.Background(), (&fake{}).accountNoServer(), "k1")
	require.NoError(t, err)
	require.False(t, found)
}

// TestSignatureCheckCatchesWrongSecret makes sure the fake's OAuth check
// is not vacuous: a request signed with another secret fails it.
func TestSignatureCheckCatchesWrongSecret(t *testing.T) {
	t.Parallel()
	got := make(chan *http.Request, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got <- r }))
	defer srv.Close()
	a := relais.Account{BaseURL: srv.URL, Credentials: map[string]string{}}
	for k, v := range creds {
		a.Credentials[k] = v
	}
	a.Credentials[CredConsumerSecret] = "wrong"
	hc, err := New(nil, "").signedClient(context.Background(), a)
	require.NoError(t, err)
	res, err := hc.Post(srv.URL+"/2/tweets?x=1", "application/json", strings.NewReader(`{}`))
	require.NoError(t, err)
	res.Body.Close()
	r := <-got
	require.Equal(t, "signature does not match", verifyOAuth(r, creds[CredConsumerSecret], creds[CredAccessTokenSecret]))
	require.Empty(t, verifyOAuth(r, "wrong", creds[CredAccessTokenSecret]))
}

func TestTextOverLimitSendsNothing(t *testing.T) {
	t.Parallel()
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) { t.Error("request sent") })
	d := connectors.Draft{Text: strings.Repeat("é", 281)}
	probs := New(nil, "").Validate(d)
	require.Len(t, probs, 1)
	require.Equal(t, "too_long", probs[0].Code)
	require.Contains(t, probs[0].Message, "281")
	_, err := New(nil, "").Publish(context.Background(), f.account(), d, "k1")
	require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
	require.Zero(t, f.count())
	require.Empty(t, New(nil, "").Validate(connectors.Draft{Text: strings.Repeat("é", 280)}))
}

func TestCost(t *testing.T) {
	t.Parallel()
	require.Equal(t, PricePost, Cost("Je suis au salon de l'agriculture"))
	require.Equal(t, PricePostWithURL, Cost("Le programme : https://avec-anne.fr/programme"))
	require.Equal(t, PricePostWithURL, Cost("Le programme sur avec-anne.com"))
}
