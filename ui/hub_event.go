package ui

import (
	"encoding/json"
	"sync"

	"github.com/gorilla/websocket"

	"github.com/relais/relais"
)

// outEvent is an event as the hub hands it to every tab: encoded once, as
// a websocket.PreparedMessage (which also keeps the frame once built),
// the first time a tab writes it.
type outEvent struct {
	relais.Event

	once sync.Once
	msg  *websocket.PreparedMessage
	err  error
}

// prepared returns the event's encoded message.
func (e *outEvent) prepared() (*websocket.PreparedMessage, error) {
	e.once.Do(func() {
		b, err := json.Marshal(e.Event)
		if err != nil {
			e.err = err
			return
		}
		e.msg, e.err = websocket.NewPreparedMessage(websocket.TextMessage, b)
	})
	return e.msg, e.err
}

// wsWriteBuffers is shared by every websocket's writes: a connection holds
// a write buffer only while it writes a message.
var wsWriteBuffers sync.Pool
