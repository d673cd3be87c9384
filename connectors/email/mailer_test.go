package email

import (
	"context"
	"net"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/stretchr/testify/require"
)

func mustMailer(t *testing.T, s *smtpServer) *Mailer {
	t.Helper()
	m := NewMailer(Config{Host: "127.0.0.1", Port: s.port(), TLS: TLSNone, From: "Avec Anne <equipe@avec-anne.fr>",
		Username: s.user, Password: s.pw, Timeout: 2 * time.Second})
	m.now = func() time.Time { return time.Date(2026, 3, 1, 9, 30, 0, 0, time.FixedZone("CET", 3600)) }
	return m
}

var boundaryRE = regexp.MustCompile(`boundary=([0-9a-f]+)`)

// normalize replaces the random MIME boundary with "BOUNDARY".
func normalize(data string) string {
	if m := boundaryRE.FindStringSubmatch(data); m != nil {
		return strings.ReplaceAll(data, m[1], "BOUNDARY")
	}
	return data
}

func TestSendExactMessage(t *testing.T) {
	t.Parallel()
	s := mustSMTP(t)
	s.user, s.pw = "equipe", "s3cret"
	err := mustMailer(t, s).Send(context.Background(), Message{To: []string{"Léa <lea@example.fr>"},
		Subject: "Votre kit de partage : réunion publique", Text: "Bonjour Léa,\nPartagez : https://avec-anne.fr/r/abc",
		HTML: "<p>Bonjour Léa,</p>", MessageID: "kit-1@relais"})
	require.NoError(t, err)
	require.Contains(t, s.commands(), "AUTH PLAIN "+"AGVxdWlwZQBzM2NyZXQ=") // \0equipe\0s3cret
	msgs := s.messages()
	require.Len(t, msgs, 1)
	require.Equal(t, "MAIL FROM:<equipe@avec-anne.fr> BODY=8BITMIME", msgs[0].from)
	require.Equal(t, []string{"RCPT TO:<lea@example.fr>"}, msgs[0].to)
	want := "Date: Sun, 01 Mar 2026 09:30:00 +0100\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Message-ID: <kit-1@relais>\r\n" +
		"Subject: =?UTF-8?q?Votre_kit_de_partage_:_r=C3=A9union_publique?=\r\n" +
		"User-Agent: relais\r\n" +
		"X-Mailer: relais\r\n" +
		"From: \"Avec Anne\" <equipe@avec-anne.fr>\r\n" +
		"To: =?utf-8?q?L=C3=A9a?= <lea@example.fr>\r\n" +
		"Content-Type: multipart/alternative;\r\n boundary=BOUNDARY\r\n" +
		"\r\n" +
		"--BOUNDARY\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n" +
		"Content-Type: text/plain; charset=UTF-8\r\n" +
		"\r\n" +
		"Bonjour L=C3=A9a,\r\nPartagez : https://avec-anne.fr/r/abc\r\n" +
		"--BOUNDARY\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n" +
		"Content-Type: text/html; charset=UTF-8\r\n" +
		"\r\n" +
		"<p>Bonjour L=C3=A9a,</p>\r\n" +
		"--BOUNDARY--\r\n"
	require.Equal(t, want, normalize(msgs[0].data))
}

func TestSendErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		pw         string
		rcpt, data string
		class      connectors.Class
	}{
		{"bad password", "wrong", "", "", connectors.AuthExpired},
		{"unknown recipient", "s3cret", "550 5.1.1 <lea@example.fr>: Recipient address rejected: User unknown", "", connectors.Permanent},
		{"greylisted", "s3cret", "", "451 4.7.1 Please try again later", connectors.Retryable},
		{"rejected as spam", "s3cret", "", "554 5.7.1 Message rejected", connectors.Permanent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := mustSMTP(t)
			s.user, s.pw, s.rcptReply, s.dataReply = "equipe", "s3cret", tt.rcpt, tt.data
			m := mustMailer(t, s)
			m.cfg.Password = tt.pw
			err := m.Send(context.Background(), Message{To: []string{"lea@example.fr"}, Subject: "Test", Text: "Bonjour"})
			require.Equal(t, tt.class, connectors.ClassOf(err), err.Error())
			require.NotContains(t, err.Error(), "s3cret")
			require.Empty(t, s.messages())
		})
	}
}

func TestSendTimeoutAfterDataIsOutcomeUnknown(t *testing.T) {
	t.Parallel()
	s := mustSMTP(t)
	s.dataReply = "hang"
	m := mustMailer(t, s)
	m.cfg.Timeout = 200 * time.Millisecond
	err := m.Send(context.Background(), Message{To: []string{"lea@example.fr"}, Subject: "Test", Text: "Bonjour"})
	require.Equal(t, connectors.OutcomeUnknown, connectors.ClassOf(err), err.Error())
}

func TestSendConnectionRefusedIsRetryable(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	m := NewMailer(Config{Host: "127.0.0.1", Port: port, TLS: TLSNone, From: "equipe@avec-anne.fr", Timeout: time.Second})
	err = m.Send(context.Background(), Message{To: []string{"lea@example.fr"}, Subject: "Test", Text: "Bonjour"})
	require.Equal(t, connectors.Retryable, connectors.ClassOf(err), err.Error())
}

func TestConnectorPublish(t *testing.T) {
	t.Parallel()
	s := mustSMTP(t)
	c := New(mustMailer(t, s))
	a := relais.Account{ID: 2, Platform: relais.PlatformEmail, Handle: "colistiers-11e@avec-anne.fr"}
	text := "Réunion publique jeudi à 19h au gymnase Japy, venez nombreux avec vos voisins et vos amis du quartier !\nDétails : https://avec-anne.fr/r/japy"
	rc, err := c.Publish(context.Background(), a, connectors.Draft{Text: text}, "delivery-7")
	require.NoError(t, err)
	require.Equal(t, "<"+MessageID("delivery-7")+">", rc.RemoteID)
	msgs := s.messages()
	require.Len(t, msgs, 1)
	require.Equal(t, []string{"RCPT TO:<colistiers-11e@avec-anne.fr>"}, msgs[0].to)
	require.Contains(t, msgs[0].data, "Message-ID: <"+MessageID("delivery-7")+">\r\n")
	require.Equal(t, "Réunion publique jeudi à 19h au gymnase Japy, venez nombreux avec vos voisins…", subject(text))
	require.Len(t, []rune(subject(text)), maxSubject)
}

func TestConnectorBadInputSendsNothing(t *testing.T) {
	t.Parallel()
	s := mustSMTP(t)
	c := New(mustMailer(t, s))
	for _, tc := range []struct {
		handle string
		d      connectors.Draft
	}{
		{"pas-une-adresse", connectors.Draft{Text: "Bonjour"}},
		{"a@b.fr", connectors.Draft{Text: " "}},
		{"a@b.fr", connectors.Draft{Text: "Bonjour", Media: []connectors.Media{{Filename: "a.png"}}}},
	} {
		_, err := c.Publish(context.Background(), relais.Account{Handle: tc.handle}, tc.d, "k")
		require.Equal(t, connectors.Permanent, connectors.ClassOf(err), err.Error())
	}
	require.Empty(t, s.commands())
}
