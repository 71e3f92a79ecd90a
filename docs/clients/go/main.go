// Command humiao-client calls Humiao from Go with the standard library: screen a line, then
// minor mode.
//
//	HUMIAO_URL=http://localhost:8080 HUMIAO_KEY=hm_... go run main.go
//
// Prints one line per call, "<call>: <answer JSON>"; exits 1 on an error answer.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// APIError is an error answer: branch on Code (stable), wait RetryAfter seconds on 429 and 503.
type APIError struct {
	Status     int
	Code       string `json:"code"`
	Message    string `json:"message"`
	RetryAfter string
}

func (e *APIError) Error() string { return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message) }

var (
	baseURL = envOr("HUMIAO_URL", "http://localhost:8080")
	key     = os.Getenv("HUMIAO_KEY") // a platform key: it acts for its own platform
	client  = &http.Client{Timeout: 10 * time.Second}
)

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func post(path string, body any) (json.RawMessage, error) {
	data, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, baseURL+path, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		var wrapped struct{ Error APIError `json:"error"` }
		if err := json.Unmarshal(answer, &wrapped); err != nil {
			return nil, err
		}
		wrapped.Error.Status, wrapped.Error.RetryAfter = resp.StatusCode, resp.Header.Get("Retry-After")
		return nil, &wrapped.Error
	}
	return answer, nil
}

func main() {
	user := "player-1"
	session := fmt.Sprintf("session-%d", time.Now().UnixNano())
	now := time.Now().Unix()
	calls := []struct {
		name, path string
		body       map[string]any
	}{
		{"screen", "/v1/text/screen", map[string]any{"text": "你个傻*逼", "scene": "chat", "authorId": user}},
		{"authorize", "/v1/play/authorize", map[string]any{"user": user, "session": session}},
		{"heartbeat", "/v1/play/heartbeat", map[string]any{"user": user, "session": session, "from": now - 60, "to": now}},
		// the key makes the check idempotent: a retry with the same key gets the same answer
		{"payment", "/v1/payments/check", map[string]any{"user": user, "amountFen": 600, "key": "order-" + session}},
	}
	for _, call := range calls {
		answer, err := post(call.path, call.body)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%s: %s\n", call.name, answer)
	}
}
