// A throw-away certificate authority and a server certificate for 127.0.0.1 / localhost,
// made with the openssl command-line tool. The CA file is what NODE_EXTRA_CA_CERTS points at.
//
//   const tls = await makeTestCertificates()        // { dir, caCert, caKey, cert, key, chain }
//   ... serve with --tls-cert tls.cert --tls-key tls.key ...
//   await rm(tls.dir, { recursive: true, force: true })
import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

async function openssl(args, cwd) {
  try {
    await run('openssl', args, { cwd })
  } catch (e) {
    throw new Error(`openssl ${args.join(' ')} failed: ${e.stderr || e.message}`)
  }
}

// dir: where to write the files (a new temporary folder when omitted).
export async function makeTestCertificates(dir) {
  dir ??= await mkdtemp(path.join(os.tmpdir(), 'artel-tls-'))
  const caKey = path.join(dir, 'ca.key')
  const caCert = path.join(dir, 'ca.pem')
  const key = path.join(dir, 'server.key')
  const csr = path.join(dir, 'server.csr')
  const cert = path.join(dir, 'server.pem')
  const chain = path.join(dir, 'server-chain.pem')
  const ext = path.join(dir, 'server.ext')

  await openssl(
    [
      'req',
      '-x509',
      '-new',
      '-nodes',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-keyout',
      caKey,
      '-out',
      caCert,
      '-days',
      '2',
      '-subj',
      '/CN=Artel Test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  )
  await openssl(
    [
      'req',
      '-new',
      '-nodes',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-keyout',
      key,
      '-out',
      csr,
      '-subj',
      '/CN=127.0.0.1',
    ],
    dir,
  )
  await writeFile(
    ext,
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '',
    ].join('\n'),
  )
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      caCert,
      '-CAkey',
      caKey,
      '-CAcreateserial',
      '-out',
      cert,
      '-days',
      '2',
      '-sha256',
      '-extfile',
      ext,
    ],
    dir,
  )
  await writeFile(chain, (await readFile(cert, 'utf8')) + (await readFile(caCert, 'utf8')))
  return { dir, caCert, caKey, cert, key, chain }
}
