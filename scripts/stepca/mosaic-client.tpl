{{- /*
  x509 template of the "mosaic" JWK provisioner (step-ca 0.19). Two exclusive profiles, chosen by
  the one-time token's claims:

  - server (claim mosaic_server_name, a non-empty string): the gateway's own TLS server
    certificate. The token's single SAN (DNS or IP) and its subject as CN; extended key usage
    serverAuth only; never a CA; none of the client extensions. A token that also carries
    mosaic_grant_id or mosaic_subject_user_id, or not exactly one DNS/IP SAN, is refused.
  - client (otherwise): the string claims mosaic_grant_id and mosaic_subject_user_id each become
    a non-critical extension whose value is a DER UTF8String (tag 0x0C, one length byte, the
    text); extended key usage clientAuth only; never a CA. Without them the CA refuses to sign.
    0.19 templates have no ASN.1 helpers, hence printf + b64enc; values must be shorter than 128
    bytes (short-form length).
*/ -}}
{{- $tok := default (dict) .Token -}}
{{- $grant := $tok.mosaic_grant_id -}}
{{- $user := $tok.mosaic_subject_user_id -}}
{{- $server := $tok.mosaic_server_name -}}
{{- if $server -}}
{{- if not (kindIs "string" $server) -}}
  {{- fail "token claim mosaic_server_name must be a string" -}}
{{- end -}}
{{- if or $grant $user -}}
  {{- fail "a token carries mosaic_server_name or the client claims, never both" -}}
{{- end -}}
{{- if ne (len .SANs) 1 -}}
  {{- fail "a server certificate names exactly one SAN" -}}
{{- end -}}
{{- $san := index .SANs 0 -}}
{{- if not (or (eq $san.Type "dns") (eq $san.Type "ip")) -}}
  {{- fail "a server certificate's SAN must be a DNS name or an IP address" -}}
{{- end -}}
{
	"subject": {"commonName": {{ toJson .Subject.CommonName }}},
	"sans": {{ toJson .SANs }},
	"keyUsage": ["digitalSignature"],
	"extKeyUsage": ["serverAuth"],
	"basicConstraints": {"isCA": false}
}
{{- else -}}
{{- if not (and (kindIs "string" $grant) $grant (lt (len $grant) 128)) -}}
  {{- fail "token claim mosaic_grant_id missing or invalid" -}}
{{- end -}}
{{- if not (and (kindIs "string" $user) $user (lt (len $user) 128)) -}}
  {{- fail "token claim mosaic_subject_user_id missing or invalid" -}}
{{- end -}}
{
	"subject": {"commonName": {{ toJson .Subject.CommonName }}},
	"sans": {{ toJson .SANs }},
	"keyUsage": ["digitalSignature"],
	"extKeyUsage": ["clientAuth"],
	"basicConstraints": {"isCA": false},
	"extensions": [
		{"id": "1.3.6.1.4.1.99999.1", "critical": false, "value": {{ printf "%c%c%s" 12 (len $grant) $grant | b64enc | toJson }}},
		{"id": "1.3.6.1.4.1.99999.2", "critical": false, "value": {{ printf "%c%c%s" 12 (len $user) $user | b64enc | toJson }}}
	]
}
{{- end -}}
