// Command ${{ values.name }}: ${{ values.description }}
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
)

type counter struct {
	mu       sync.Mutex
	requests map[string]int
}

func (c *counter) add(path string, status int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.requests[fmt.Sprintf("path=%q,status=\"%d\"", path, status)]++
}

func (c *counter) metrics() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	lines := []string{"# HELP http_requests_total HTTP requests served.", "# TYPE http_requests_total counter"}
	keys := make([]string, 0, len(c.requests))
	for k := range c.requests {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		lines = append(lines, "http_requests_total{"+k+"} "+fmt.Sprint(c.requests[k]))
	}
	return strings.Join(lines, "\n") + "\n"
}

// newHandler serves hello, /health and /metrics.
func newHandler() http.Handler {
	c := &counter{requests: map[string]int{}}
	mux := http.NewServeMux()
	writeJSON := func(w http.ResponseWriter, r *http.Request, status int, body any) {
		w.Header().Set("content-type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
		c.add(r.URL.Path, status)
	}
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, r, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("/metrics", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("content-type", "text/plain; version=0.0.4")
		_, _ = w.Write([]byte(c.metrics()))
		c.add(r.URL.Path, http.StatusOK)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			writeJSON(w, r, http.StatusNotFound, map[string]string{"error": "Not found"})
			return
		}
		writeJSON(w, r, http.StatusOK, map[string]string{"message": "Hello from ${{ values.name }}"})
	})
	return mux
}
{%- if values.database %}

// databaseURL is where the PostgreSQL database is; compose.yaml runs one locally.
func databaseURL() string {
	if url := os.Getenv("DATABASE_URL"); url != "" {
		return url
	}
	return "postgres://${{ values.name | replace("-", "_") }}:localdev@localhost:5432/${{ values.name | replace("-", "_") }}"
}
{%- endif %}

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	{%- if values.database %}
	log.Printf("database: %s", databaseURL())
	{%- endif %}
	log.Printf("${{ values.name }} listening on http://localhost:%s", port)
	log.Fatal(http.ListenAndServe(":"+port, newHandler()))
}
