package supporters

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// BenchmarkImport imports the 25,000-row test file (500 bad rows, 1,000
// duplicates) into a fresh database and reports the process's peak RSS.
//
//	go test ./supporters/ -run '^$' -bench Import -benchtime 3x
func BenchmarkImport(b *testing.B) {
	for _, dialect := range storetest.Dialects {
		b.Run(dialect, func(b *testing.B) {
			file := genFile(",", false)
			ctx := AsOperator(context.Background())
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s := newService(b, dialect)
				opposeAll(b, s)
				b.StartTimer()
				rep, err := s.Import(ctx, bytes.NewReader(file), Options{})
				if err != nil || rep.Imported != genRows-genBad-genDups {
					b.Fatalf("%v: imported %d", err, rep.Imported)
				}
			}
			b.ReportMetric(float64(genRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
		})
	}
}

// peakRSSMB reads VmHWM, the process's peak resident set, in MB.
func peakRSSMB() float64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkSendKits sends 2,000 share kits over one reused session to
// the loopback SMTP server (go-smtp), with the claim/hand/sent commits:
// text only ("text"), and with a 48 KB image attached and the links
// tracked ("image+links").
//
//	go test ./supporters/ -run '^$' -bench SendKits -benchtime 1x
func BenchmarkSendKits(b *testing.B) {
	for _, dialect := range storetest.Dialects {
		for _, rich := range []bool{false, true} {
			b.Run(dialect+"/"+map[bool]string{false: "text", true: "image+links"}[rich], func(b *testing.B) {
				benchSend(b, dialect, rich)
			})
		}
	}
}

func benchSend(b *testing.B, dialect string, rich bool) {
	var sent int
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := storetest.Open(b, dialect)
		postID := seedKits(b, st, 2000)
		mb := newMailbox(b)
		k := NewKits(New(st, Config{BaseURL: "https://relais.example"}), kitSMTP(mb.addr.Port), 0, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if rich {
			enrich(b, st, k, postID)
		}
		b.StartTimer()
		if err := sendAll(context.Background(), st, k, postID); err != nil {
			b.Fatal(err)
		}
		sent += len(mb.messages())
	}
	b.ReportMetric(float64(sent)/b.Elapsed().Seconds(), "msgs/s")
}

// enrich gives the post a link and a 48 KB image, and k a linker.
func enrich(b *testing.B, st *store.Store, k *Kits, postID int64) {
	ctx := context.Background()
	pic := make([]byte, 48<<10)
	copy(pic, testPNG(b))
	storetest.Must(b, st.Update(ctx, func(tx *store.Tx) error {
		p, err := tx.PostByID(postID)
		if err != nil {
			return err
		}
		m := relais.Media{Filename: "affiche.png", ContentType: "image/png", AltText: "Affiche", UploadedBy: p.AuthorID}
		if err := tx.CreateMedia(&m, pic); err != nil {
			return err
		}
		p.Media = []relais.Media{m}
		p.Variants[relais.PlatformX] += " " + kitDest
		return tx.UpdatePost(p)
	}))
	l, err := analytics.NewLinker(ctx, st, "https://r.relais.example")
	if err != nil {
		b.Fatal(err)
	}
	k.SetLinker(l)
}
