package videopost

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/relais/relais/connectors/videoup"
)

// postJSON POSTs in as JSON to u with the headers and decodes the answer
// into out. Statuses of 400 and more are *videoup.Error.
func postJSON(ctx context.Context, hc *http.Client, u string, headers map[string]string, in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "POST", u, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode >= 400 {
		return &videoup.Error{Status: resp.StatusCode, Body: string(body)}
	} else if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("videopost: malformed answer from %s: %w", req.URL.Path, err)
	}
	return nil
}
