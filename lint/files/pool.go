package files

import "runtime"

// Lint calls fn for every path on at most workers goroutines (0 or less:
// GOMAXPROCS) and returns the results in the order of paths, whatever
// order they finish in, so that output is deterministic. The returned
// slice holds every result; to keep memory bounded by the pool rather than
// by the number of files, keep T small (findings and counts, not whole
// documents) or use Stream.
func Lint[T any](paths []string, workers int, fn func(path string) T) []T {
	out := make([]T, 0, len(paths))
	Stream(paths, workers, fn, func(_ int, v T) { out = append(out, v) })
	return out
}

// Stream calls fn for every path on at most workers goroutines and hands
// each result to emit, on the calling goroutine and in the order of
// paths, as soon as it and every result before it are done. Path i+workers
// does not start before result i has been emitted, so at most workers
// results exist at a time: memory is bounded by the pool, not by the
// number of paths. emit may write output as it goes.
func Stream[T any](paths []string, workers int, fn func(path string) T, emit func(i int, v T)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(paths))
	if workers <= 1 {
		for i, p := range paths {
			emit(i, fn(p))
		}
		return
	}
	// ring[i%workers] carries result i. Tokens in slots bound the paths
	// started but not yet emitted; since emission is in order, path
	// i+workers can only start once result i has left its slot.
	ring := make([]chan T, workers)
	for k := range ring {
		ring[k] = make(chan T, 1)
	}
	slots := make(chan struct{}, workers)
	jobs := make(chan int)
	go func() {
		defer close(jobs)
		for i := range paths {
			slots <- struct{}{}
			jobs <- i
		}
	}()
	for range workers {
		go func() {
			for i := range jobs {
				ring[i%workers] <- fn(paths[i])
			}
		}()
	}
	for i := range paths {
		v := <-ring[i%workers]
		emit(i, v)
		<-slots
	}
}
