// keyring-oracle answers one question with kubelet's own code: for an image a pod names, which entries of
// a kubernetes.io/dockerconfigjson Secret does kubelet offer to the container runtime, and in what order?
//
// It runs the path kubelet's image manager runs (pkg/kubelet/images/image_manager.go): the image is
// normalised with parsers.ParseImageName, the Secret becomes a keyring with credentialprovider/secrets
// MakeDockerKeyring (BasicDockerKeyring.Add), and keyring.Lookup picks the credentials. It is built from
// the same pinned k8s.io/kubernetes module as the control plane the tests run against, so the answer is
// that release's behaviour, not a re-implementation of it.
//
// Usage:
//
//	keyring-oracle CONFIG.json IMAGE...   one .dockerconfigjson (a file, or - for stdin) and images
//	keyring-oracle -batch < CASES.json    {"cases":[{"config":{…},"images":[…]}],"repeat":N}
//
// Each answer names the entries (their keys under "auths") that kubelet offers, found by their
// credentials: give every entry its own username:password. Lookup returns AuthConfigs only, and within
// one normalised key the order of entries comes from Go's map iteration (random), so with -batch the
// lookup is repeated on fresh keyrings and every distinct order seen is reported.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	v1 "k8s.io/api/core/v1"
	"k8s.io/kubernetes/pkg/credentialprovider"
	"k8s.io/kubernetes/pkg/credentialprovider/secrets"
	"k8s.io/kubernetes/pkg/util/parsers"
)

type batch struct {
	Cases  []oracleCase `json:"cases"`
	Repeat int          `json:"repeat"`
}

type oracleCase struct {
	Config json.RawMessage `json:"config"`
	Images []string        `json:"images"`
}

type answer struct {
	Image string `json:"image"`
	// Repo is what kubelet looks up: ParseImageName's repository (docker.io/library/nginx for nginx).
	Repo string `json:"repo,omitempty"`
	// Error is ParseImageName's or MakeDockerKeyring's error; kubelet would not pull at all.
	Error string `json:"error,omitempty"`
	// Offered lists the keys of the entries kubelet offers, in the order of the first lookup.
	Offered []string `json:"offered"`
	// Orders lists every distinct order seen over the repeated lookups (batch mode).
	Orders [][]string `json:"orders,omitempty"`
}

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "keyring-oracle:", err)
		os.Exit(2)
	}
}

func run(args []string, stdin io.Reader, stdout io.Writer) error {
	encoder := json.NewEncoder(stdout)
	if len(args) == 1 && args[0] == "-batch" {
		var input batch
		if err := json.NewDecoder(stdin).Decode(&input); err != nil {
			return fmt.Errorf("reading the batch from stdin: %w", err)
		}
		repeat := max(input.Repeat, 1)
		results := make([][]answer, 0, len(input.Cases))
		for _, c := range input.Cases {
			results = append(results, lookUpAll(c.Config, c.Images, repeat))
		}
		return encoder.Encode(results)
	}
	if len(args) < 2 {
		return fmt.Errorf("usage: keyring-oracle CONFIG.json|- IMAGE... or keyring-oracle -batch < CASES.json")
	}
	var config []byte
	var err error
	if args[0] == "-" {
		config, err = io.ReadAll(stdin)
	} else {
		config, err = os.ReadFile(args[0])
	}
	if err != nil {
		return err
	}
	return encoder.Encode(lookUpAll(config, args[1:], 1))
}

func lookUpAll(config []byte, images []string, repeat int) []answer {
	answers := make([]answer, 0, len(images))
	for _, image := range images {
		answers = append(answers, lookUp(config, image, repeat))
	}
	return answers
}

func lookUp(config []byte, image string, repeat int) answer {
	result := answer{Image: image, Offered: []string{}}
	// As kubelet's makeLookupPullCredentialsFunc: the repository to pull, then the keyring lookup.
	repoToPull, _, _, err := parsers.ParseImageName(image)
	if err != nil {
		result.Error = err.Error()
		return result
	}
	result.Repo = repoToPull
	keys, err := keysByCredential(config)
	if err != nil {
		result.Error = err.Error()
		return result
	}
	seen := map[string]bool{}
	for i := 0; i < repeat; i++ {
		// A fresh keyring each time: Add ranges over the config's map, so ties come out in a new order.
		keyring, err := secrets.MakeDockerKeyring([]v1.Secret{pullSecret(config)}, nil)
		if err != nil {
			result.Error = err.Error()
			return result
		}
		credentials, _ := keyring.Lookup(repoToPull)
		order := make([]string, 0, len(credentials))
		for _, credential := range credentials {
			order = append(order, keys[credential.Username+":"+credential.Password])
		}
		if i == 0 {
			result.Offered = order
		}
		signature := fmt.Sprint(order)
		if !seen[signature] {
			seen[signature] = true
			result.Orders = append(result.Orders, order)
		}
	}
	return result
}

// pullSecret is the Secret as the API server hands it to kubelet.
func pullSecret(config []byte) v1.Secret {
	return v1.Secret{
		Type: v1.SecretTypeDockerConfigJson,
		Data: map[string][]byte{v1.DockerConfigJsonKey: config},
	}
}

// keysByCredential maps "username:password" to the key of the entry that holds it, decoded the way
// kubelet decodes entries (an "auth" field wins over username and password).
func keysByCredential(config []byte) (map[string]string, error) {
	var parsed credentialprovider.DockerConfigJSON
	if err := json.Unmarshal(config, &parsed); err != nil {
		return nil, err
	}
	keys := map[string]string{}
	for key, entry := range parsed.Auths {
		credential := entry.Username + ":" + entry.Password
		if other, taken := keys[credential]; taken {
			return nil, fmt.Errorf("entries %q and %q hold the same credentials; give each its own", other, key)
		}
		keys[credential] = key
	}
	return keys, nil
}
