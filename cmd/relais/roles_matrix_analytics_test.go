package main

import "fmt"

// Role-matrix rows of the analytics routes (issue 15), kept in their own
// file so that branches adding routes do not collide.
func init() {
	roleMatrix["GET /api/posts/{id}/links"] = matrixEntry{call: func(f *fixture) matrixCall {
		return matrixCall{f.postPath(f.draft(), "/links"), ""}
	}}
	roleMatrix["GET /api/posts/{id}/metrics"] = matrixEntry{call: func(f *fixture) matrixCall {
		return matrixCall{f.postPath(f.draft(), "/metrics"), ""}
	}}
	roleMatrix["GET /api/reports/weekly"] = matrixEntry{call: func(*fixture) matrixCall {
		return matrixCall{"/api/reports/weekly?week=2026-W49", ""}
	}}
	roleMatrix["GET /reports/weekly.csv"] = matrixEntry{call: func(*fixture) matrixCall {
		return matrixCall{"/reports/weekly.csv?week=2026-W49", ""}
	}}
	// Experiments: strict rows need colistiers and a sample (see
	// scheduler.TestExperimentEndToEnd); here a bad sample proves the role
	// check passed (a field error, not 403).
	roleMatrix["POST /api/experiments"] = matrixEntry{loose: true, call: func(f *fixture) matrixCall {
		return matrixCall{"/api/experiments", fmt.Sprintf(`{"post_id":%d,"variants":[{"text":"A"},{"text":"B"}],"audience":"colistiers","sample":0.9,"metric":"shares","decide_after":"2h"}`, f.draft())}
	}}
	roleMatrix["GET /api/experiments/{id}"] = matrixEntry{loose: true, call: func(*fixture) matrixCall { return matrixCall{"/api/experiments/999999", ""} }}
	roleMatrix["POST /api/experiments/{id}/decide"] = matrixEntry{loose: true, call: func(*fixture) matrixCall { return matrixCall{"/api/experiments/999999/decide", ""} }}
	roleMatrix["GET /reports/weekly"] = matrixEntry{call: func(*fixture) matrixCall {
		return matrixCall{"/reports/weekly?week=2026-W49&metric=share_rate", ""}
	}}
	roleMatrix["GET /experiments"] = matrixEntry{call: func(*fixture) matrixCall { return matrixCall{"/experiments", ""} }}
	roleMatrix["GET /experiments/{id}"] = matrixEntry{loose: true, call: func(*fixture) matrixCall { return matrixCall{"/experiments/999999", ""} }}
	roleMatrix["PUT /api/accounts/{id}/links"] = matrixEntry{call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/api/accounts/%d/links", f.campaign), `{"tracked":false}`}
	}}
}
