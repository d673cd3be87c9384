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
	roleMatrix["PUT /api/accounts/{id}/links"] = matrixEntry{allow: managers, call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/api/accounts/%d/links", f.campaign), `{"tracked":false}`}
	}}
}
