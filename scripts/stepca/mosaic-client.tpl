{{- /*
  x509 template of the "mosaic" JWK provisioner (step-ca 0.19). Client certificates only.
  The one-time token must carry the string claims mosaic_grant_id and mosaic_subject_user_id;
  each becomes a non-critical extension whose value is a DER UTF8String (tag 0x0C, one length
  byte, the text). 0.19 templates have no ASN.1 helpers, hence printf + b64enc; values must be
  shorter than 128 bytes (short-form length). Without them the CA refuses to sign.
*/ -}}
{{- $tok := default (dict) .Token -}}
{{- $grant := $tok.mosaic_grant_id -}}
{{- $user := $tok.mosaic_subject_user_id -}}
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
