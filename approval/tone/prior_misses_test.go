package tone

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestPriorCVMisses lists, for the development source named by
// RELAIS_TONE_PRIOR_MISSES, the posts the engine gets wrong when the prior
// is learnt without that source: missed rules and false flags, with the
// rules' verdict and the prior's logits. A-J are development data (A-H
// since the fifth round, I and J since the sixth), so printing their
// texts is allowed.
func TestPriorCVMisses(t *testing.T) {
	name := os.Getenv("RELAIS_TONE_PRIOR_MISSES")
	if name == "" {
		t.Skip("set RELAIS_TONE_PRIOR_MISSES=g (a source name)")
	}
	srcs := loadPriorSources(t)
	docs := priorDocs(srcs)
	for si, src := range srcs {
		if src.name != name {
			continue
		}
		var train []priorDoc
		for _, d := range docs {
			if d.src != si {
				train = append(train, d)
			}
		}
		js := judgeWith(src.engine, trainPrior(train).model([4]float64{}), src.posts)
		for i, j := range js {
			if line := missLine(j, src.posts[i]); line != "" {
				fmt.Println(line)
			}
		}
	}
}

// missLine describes a wrongly judged post, or returns "".
func missLine(j judged, p blindPost) string {
	a := simulate([]judged{j}, &priorThresholds)
	var tags []string
	if len(p.Rules) == 0 && a.okFlagged > 0 {
		tags = append(tags, "FF")
	}
	for _, r := range p.Rules {
		if a.ruleHit[r] == 0 {
			tags = append(tags, "MISS-"+r)
		}
	}
	if len(tags) == 0 {
		return ""
	}
	var got []string
	for r := range j.rules {
		got = append(got, r)
	}
	return fmt.Sprintf("%s %s %v rules=%v tgt=%v z=[%.1f %.1f %.1f %.1f] %s", p.ID, strings.Join(tags, ","), p.Rules, got, j.target, j.z[0], j.z[1], j.z[2], j.z[3], p.Text)
}

// TestDebugPosts prints the engine's violations, with the text of each
// span, for the posts RELAIS_TONE_DEBUG_IDS (comma-separated ids) of the
// development set RELAIS_TONE_DEBUG_SET.
func TestDebugPosts(t *testing.T) {
	set, ids := os.Getenv("RELAIS_TONE_DEBUG_SET"), os.Getenv("RELAIS_TONE_DEBUG_IDS")
	if set == "" {
		t.Skip("set RELAIS_TONE_DEBUG_SET and RELAIS_TONE_DEBUG_IDS")
	}
	bs, err := loadBlindSet("testdata/blind/" + set)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range bs.posts {
		if !strings.Contains(","+ids+",", ","+p.ID+",") {
			continue
		}
		r := bs.engine.Check(p.Text, ProfileCandidate)
		fmt.Printf("%s %s gold=%v\n", p.ID, r.Verdict, p.Rules)
		for _, v := range r.Violations {
			var parts []string
			for _, s := range v.Spans {
				parts = append(parts, fmt.Sprintf("%s=%q", s.Role, p.Text[s.Start:s.End]))
			}
			fmt.Printf("   %s %s %s\n", v.Rule, v.Severity, strings.Join(parts, " "))
		}
	}
}
