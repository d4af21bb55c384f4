package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// serverStartTimeout bounds the wait for a server's first answer.
const serverStartTimeout = 60 * time.Second

// process is a server the benchmark started.
type process struct {
	name   string
	cmd    *exec.Cmd
	url    string // http://127.0.0.1:PORT
	log    string // the file its output goes to
	exited chan struct{}
}

// startProcess starts bin with the arguments that args returns for a free loopback address
// (127.0.0.1:PORT), and waits until it answers GET / with 200. Its output goes to NAME.log in dir.
func startProcess(ctx context.Context, dir, name, bin string, args func(addr string) []string) (*process, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		return nil, err
	}
	logPath := filepath.Join(dir, name+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer func() { _ = logFile.Close() }()
	cmd := exec.Command(bin, args(addr)...)
	cmd.Stdout = logFile
	cmd.Stderr = logFile
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	p := &process{name: name, cmd: cmd, url: "http://" + addr, log: logPath, exited: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		close(p.exited)
	}()
	client := &http.Client{Timeout: 5 * time.Second}
	deadline := time.Now().Add(serverStartTimeout)
	for {
		select {
		case <-p.exited:
			out, _ := os.ReadFile(logPath)
			return nil, fmt.Errorf("%s exited before it answered:\n%s", name, out)
		case <-ctx.Done():
			p.stop()
			return nil, ctx.Err()
		default:
		}
		if resp, err := client.Get(p.url + "/"); err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return p, nil
			}
		}
		if time.Now().After(deadline) {
			p.stop()
			return nil, fmt.Errorf("%s did not answer GET / within %s", name, serverStartTimeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// warm asks the server once for each path with gzip accepted, as Chromium over http asks, so that
// the server's compressed copies exist before anything is timed.
func (p *process) warm(paths ...string) error {
	client := &http.Client{Timeout: 2 * time.Minute}
	for _, path := range paths {
		req, err := http.NewRequest(http.MethodGet, p.url+path, nil)
		if err != nil {
			return err
		}
		req.Header.Set("Accept-Encoding", "gzip, deflate")
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Errorf("%s: GET %s: %w", p.name, path, err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("%s: GET %s: %s", p.name, path, resp.Status)
		}
	}
	return nil
}

// stop interrupts the server and kills it when it does not end soon.
func (p *process) stop() {
	select {
	case <-p.exited:
		return
	default:
	}
	if err := p.cmd.Process.Signal(os.Interrupt); err != nil {
		_ = p.cmd.Process.Kill()
	}
	select {
	case <-p.exited:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
}
