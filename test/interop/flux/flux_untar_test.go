package d2ciinterop

// source-controller's layer extraction, as internal/controller/ocirepository_controller.go does it for the
// default `layerSelector.operation: extract` (identical call in v1.7.0, v1.8.5 and v1.9.1):
//
//	tar.Untar(blob, dir, tar.WithMaxUntarSize(-1), tar.WithSkipSymlinks())
//
// Inputs: D2CI_FLUX_UNTAR (a layer file, tar+gzip) and D2CI_FLUX_UNTAR_DIR (an empty folder to extract into).
// Output: one line on stdout, D2CI-FLUX-UNTAR {"ok":bool,"error":"…","files":{"path":"dir"|"<perm octal> <size>"}}.

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/fluxcd/pkg/tar"
)

func runUntar(layerFile, dir string) (map[string]string, error) {
	f, err := os.Open(layerFile)
	if err != nil {
		return nil, harnessErrorf("open layer: %w", err)
	}
	defer f.Close()
	if err := tar.Untar(f, dir, tar.WithMaxUntarSize(-1), tar.WithSkipSymlinks()); err != nil {
		return nil, err
	}
	files := map[string]string{}
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			files[filepath.ToSlash(rel)] = "dir"
		} else {
			files[filepath.ToSlash(rel)] = fmt.Sprintf("%o %d", info.Mode().Perm(), info.Size())
		}
		return nil
	})
	return files, err
}

// untarMain is TestMain's job when D2CI_FLUX_UNTAR is set.
func untarMain(layerFile string, stdout *os.File) {
	files, err := runUntar(layerFile, os.Getenv("D2CI_FLUX_UNTAR_DIR"))
	if _, harness := err.(harnessError); harness {
		fmt.Fprintln(os.Stderr, "flux-verifier: harness error:", err)
		os.Exit(2)
	}
	out := struct {
		OK    bool              `json:"ok"`
		Error string            `json:"error,omitempty"`
		Files map[string]string `json:"files,omitempty"`
	}{OK: err == nil, Files: files}
	if err != nil {
		out.Error = err.Error()
	}
	line, _ := json.Marshal(out)
	fmt.Fprintf(stdout, "D2CI-FLUX-UNTAR %s\n", line)
}
