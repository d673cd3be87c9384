package main

import "fmt"

// Role-matrix rows of the analytics routes (issue 15), kept in their own
// file so that branches adding routes do not collide.
func init() {
	roleMatrix["GET /api/posts/{id}/links"] = matrixEntry{allow: drafters, call: func(f *fixture) matrixCall {
		return matrixCall{f.postPath(f.draft(), "/links"), ""}
	}}
	roleMatrix["GET /api/posts/{id}/metrics"] = matrixEntry{allow: drafters, call: func(f *fixture) matrixCall {
		return matrixCall{f.postPath(f.draft(), "/metrics"), ""}
	}}
	roleMatrix["GET /api/reports/weekly"] = matrixEntry{allow: drafters, call: func(*fixture) matrixCall {
		return matrixCall{"/api/reports/weekly?week=2026-W49", ""}
	}}
	roleMatrix["GET /reports/weekly.csv"] = matrixEntry{allow: drafters, call: func(*fixture) matrixCall {
		return matrixCall{"/reports/weekly.csv?week=2026-W49", ""}
	}}
	roleMatrix["PUT /api/accounts/{id}/links"] = matrixEntry{allow: managers, call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/api/accounts/%d/links", f.campaign), `{"tracked":false}`}
	}}
}
