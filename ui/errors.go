package ui

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/relais/relais"
)

// statusOf maps error codes to HTTP statuses: one table for the whole API.
var statusOf = map[string]int{
	relais.EINVALID:      http.StatusBadRequest,
	relais.ENOTFOUND:     http.StatusNotFound,
	relais.EFORBIDDEN:    http.StatusForbidden,
	relais.EUNAUTHORIZED: http.StatusUnauthorized,
	relais.ECONFLICT:     http.StatusConflict,
	relais.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	relais.ERATELIMIT:    http.StatusTooManyRequests,
	relais.EBLOCKED:      http.StatusUnprocessableEntity,
	relais.EBLACKOUT:     http.StatusUnprocessableEntity,
	relais.EINTERNAL:     http.StatusInternalServerError,
}

// apiErrorBody is the JSON shape of every API error.
type apiErrorBody struct {
	Error struct {
		Code    string            `json:"code"`
		Message string            `json:"message"`
		Field   string            `json:"field,omitempty"`
		Params  map[string]string `json:"params,omitempty"`
	} `json:"error"`
}

// apiError writes err as JSON. Internal errors are logged, never shown.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	code := relais.ErrorCode(err)
	if code == relais.EINTERNAL {
		s.log.Error("internal error", slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("error", err))
	}
	var body apiErrorBody
	body.Error.Code, body.Error.Message, body.Error.Field = code, roleNames(requestLang(r), relais.ErrorMessage(err)), relais.ErrorField(err)
	if key, params := relais.ErrorKey(err); key != "" {
		body.Error.Message, body.Error.Params = localize(requestLang(r), s.cfg.Location, err), params
	}
	writeJSON(w, statusOf[code], body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
