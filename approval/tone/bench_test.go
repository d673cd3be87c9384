package tone

import (
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// post280 is a realistic 280-character French post that breaks no rule.
const post280 = "Ce matin au marché d'Aligre avec Claire Morel : merci pour vos questions ! " +
	"Pas de mauvaise surprise dans notre budget, chaque euro est expliqué. Nous rénoverons " +
	"les écoles du 12e et ouvrirons 3 centres de santé. Rendez-vous jeudi à 19h au gymnase " +
	"Japy pour en parler. 🌳🚲 #Paris2026"

// attack280 is a 280-character French post that breaks several rules.
const attack280 = "FAUX : Bernard Lacombe affirme que la dette a baissé. Il ment, encore une fois ! " +
	"Son « plan » pour les transports ? Un désastre 😂😂. Avec lui, dites adieu aux crèches " +
	"de quartier. L'équipe d'en face n'est ni sérieuse ni honnête. Nous, nous proposons des " +
	"solutions chiffrées. #Paris"

func benchmarkCheck(b *testing.B, text string) {
	e := MustEngine(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		e.Check(text, ProfileCandidate)
		n++
	}
	reportCPU(b, cpu0, n)
}

// cpuTime is the process's user+system CPU time. On a machine shared with
// other builds wall time per op swings 3×; CPU time per op (reported as
// cpu-ns/op) is steadier.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, cpu0 time.Duration, n int) {
	if n > 0 {
		b.ReportMetric(float64(cpuTime()-cpu0)/float64(n), "cpu-ns/op")
	}
}

// BenchmarkCheck measures a clean 280-character French post.
func BenchmarkCheck(b *testing.B) {
	if n := utf8.RuneCountInString(post280); n < 250 || n > 290 {
		b.Fatalf("post280 has %d characters", n)
	}
	benchmarkCheck(b, post280)
}

// BenchmarkCheckViolations measures a post full of violations (messages
// and spans are allocated only then).
func BenchmarkCheckViolations(b *testing.B) { benchmarkCheck(b, attack280) }

// BenchmarkSignals measures routing signals on the clean post.
func BenchmarkSignals(b *testing.B) {
	e := MustEngine(b)
	b.ReportAllocs()
	for b.Loop() {
		e.Signals(post280)
	}
}

// BenchmarkNew measures compiling the configuration (lexicon expansion).
func BenchmarkNew(b *testing.B) {
	cfg, err := LoadConfig("testdata/config.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0, n := cpuTime(), 0
	for b.Loop() {
		if _, err := New(cfg); err != nil {
			b.Fatal(err)
		}
		n++
	}
	reportCPU(b, cpu0, n)
}
