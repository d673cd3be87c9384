package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// runText runs textCommand with stdin and returns stdout, stderr and the error.
func runText(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := textCommand(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestTextCheckValid(t *testing.T) {
	t.Parallel()
	out, _, err := runText(t, "", "check", "--platform", "x", "Hi http://test.co")
	require.NoError(t, err)
	require.Equal(t, "x: 26/280 — valid\n", out)
}

func TestTextCheckInvalid(t *testing.T) {
	t.Parallel()
	out, _, err := runText(t, "", "check", "--platform", "x", strings.Repeat("a", 312))
	require.ErrorIs(t, err, errTextInvalid)
	require.Equal(t, "x: 312/280 — invalid\n  - text is 312 weighted characters, X allows 280\n", out)
}

func TestTextCheckStdinAndMaxChars(t *testing.T) {
	t.Parallel()
	out, _, err := runText(t, strings.Repeat("é", 600)+"\n", "text", "check", "--platform", "mastodon", "--max-chars", "1000")
	require.NoError(t, err)
	require.Equal(t, "mastodon: 600/1000 — valid\n", out)
}

func TestTextCheckArguments(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{},
		{"count"},
		{"check", "bonjour"},
		{"check", "--platform", "myspace", "bonjour"},
		{"check", "--max-chars", "-1", "--platform", "x", "bonjour"},
		{"check", "--nope"},
	} {
		_, _, err := runText(t, "", args...)
		require.Error(t, err, "%q", args)
	}
}

func TestTextCheckJSONL(t *testing.T) {
	t.Parallel()
	in := strings.Join([]string{
		`{"text": "Hi http://test.co"}`,
		`{"text": "` + strings.Repeat("日", 301) + `", "platform": "bluesky"}`,
		`not json`,
		``,
		`{"platform": "x"}`,
		`{"text": "ok", "platform": "myspace"}`,
		`{"text": ""}`,
	}, "\n")
	out, _, err := runText(t, in, "check", "--platform", "x", "--jsonl")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 6)
	require.JSONEq(t, `{"platform":"x","length":26,"limit":280,"valid":true,"problems":[]}`, lines[0])
	require.JSONEq(t, `{"platform":"bluesky","length":301,"limit":300,"valid":false,
		"problems":["text is 301 graphemes, Bluesky allows 300"]}`, lines[1])
	require.Contains(t, errorOf(t, lines[2]), "line 3: invalid JSON")
	require.Equal(t, `line 5: missing "text"`, errorOf(t, lines[3]))
	require.Equal(t, `line 6: textlen: unknown platform "myspace"`, errorOf(t, lines[4]))
	require.JSONEq(t, `{"platform":"x","length":0,"limit":280,"valid":false,"problems":["text is empty"]}`, lines[5])
}

func TestTextCheckJSONLNeedsPlatform(t *testing.T) {
	t.Parallel()
	out, _, err := runText(t, `{"text": "a"}`+"\n", "check", "--jsonl")
	require.NoError(t, err)
	require.Equal(t, `line 1: no "platform" and no --platform`, errorOf(t, out))
}

func errorOf(t *testing.T, line string) string {
	t.Helper()
	var v struct {
		Error string `json:"error"`
	}
	require.NoError(t, json.Unmarshal([]byte(line), &v), line)
	return v.Error
}
