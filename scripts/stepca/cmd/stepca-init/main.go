// Command stepca-init creates the Mosaic test CA under $STEPPATH without the step CLI:
// root + intermediate (keys encrypted with the password), one JWK provisioner whose
// encrypted key is a PBES2 JWE, and an x509 template file referenced from its options.
// Besides the usual layout it writes secrets/provisioner_key.jwe and secrets/provisioner_kid.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/smallstep/certificates/authority/config"
	"github.com/smallstep/certificates/authority/provisioner"
	"github.com/smallstep/certificates/cas/apiv1"
	"github.com/smallstep/certificates/pki"
	"go.step.sm/cli-utils/step"
)

func main() {
	passwordFile := flag.String("password-file", "", "file holding the password for all CA keys")
	templateFile := flag.String("template", "", "absolute path of the provisioner's x509 template")
	name := flag.String("provisioner", "mosaic", "JWK provisioner name")
	address := flag.String("address", "127.0.0.1:9443", "listen address")
	flag.Parse()
	if err := run(*passwordFile, *templateFile, *name, *address); err != nil {
		fmt.Fprintln(os.Stderr, "stepca-init:", err)
		os.Exit(1)
	}
}

func run(passwordFile, templateFile, name, address string) error {
	if passwordFile == "" || !filepath.IsAbs(templateFile) {
		return fmt.Errorf("need --password-file and an absolute --template")
	}
	raw, err := os.ReadFile(passwordFile)
	if err != nil {
		return err
	}
	pass := bytes.TrimSpace(raw)

	p, err := pki.New(apiv1.Options{Type: apiv1.SoftCAS, IsCreator: true},
		pki.WithAddress(address),
		pki.WithDNSNames([]string{"localhost", "127.0.0.1"}),
		pki.WithCaURL("https://"+address),
		pki.WithProvisioner(name))
	if err != nil {
		return err
	}
	root, err := p.GenerateRootCertificate("Mosaic Test", "Mosaic", "Mosaic", pass)
	if err != nil {
		return err
	}
	if err := p.GenerateIntermediateCertificate("Mosaic Test", "Mosaic", "Mosaic", root, pass); err != nil {
		return err
	}
	if err := p.GenerateKeyPairs(pass); err != nil {
		return err
	}

	if err := p.Save(); err != nil {
		return err
	}

	// pki applies config options before it adds its provisioners, so edit the saved ca.json.
	caJSON := p.GetCAConfigPath()
	b, err := os.ReadFile(caJSON)
	if err != nil {
		return err
	}
	var cfg config.Config
	if err := json.Unmarshal(b, &cfg); err != nil {
		return err
	}
	var jwk *provisioner.JWK
	for _, prov := range cfg.AuthorityConfig.Provisioners {
		if j, ok := prov.(*provisioner.JWK); ok && j.Name == name {
			jwk = j
		}
	}
	if jwk == nil {
		return fmt.Errorf("no JWK provisioner %q in %s", name, caJSON)
	}
	jwk.Claims = &provisioner.Claims{
		MinTLSDur:     &provisioner.Duration{Duration: time.Minute},
		DefaultTLSDur: &provisioner.Duration{Duration: 720 * time.Hour},
		MaxTLSDur:     &provisioner.Duration{Duration: 2160 * time.Hour},
	}
	jwk.Options = &provisioner.Options{X509: &provisioner.X509Options{TemplateFile: templateFile}}
	if b, err = json.MarshalIndent(&cfg, "", "\t"); err != nil {
		return err
	}
	if err := os.WriteFile(caJSON, append(b, '\n'), 0644); err != nil {
		return err
	}

	// Written last: the provisioning script treats provisioner_kid as "init complete".
	secrets := filepath.Join(step.Path(), "secrets")
	if err := os.WriteFile(filepath.Join(secrets, "provisioner_key.jwe"), []byte(jwk.EncryptedKey+"\n"), 0600); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(secrets, "provisioner_kid"), []byte(jwk.Key.KeyID+"\n"), 0600)
}
