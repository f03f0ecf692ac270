// A minimal OCI image layout written by hand, for `skopeo copy oci:DIR:TAG docker://…` to push into the test
// registry: one gzipped layer holding one small file, an image config, a manifest, index.json and oci-layout.
// Building it here keeps the tests free of docker, buildah and network downloads.
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

interface Descriptor {
  mediaType: string
  digest: string
  size: number
}

function sha256(data: Buffer): string {
  return 'sha256:' + createHash('sha256').update(data).digest('hex')
}

/** A ustar archive with a single regular file; 512-byte header, content padded to 512, two zero blocks. */
function tarWithOneFile(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512)
  const octal = (value: number, width: number): string => value.toString(8).padStart(width - 1, '0') + '\0'
  header.write(name, 0, 100, 'utf8')
  header.write(octal(0o644, 8), 100, 'ascii')
  header.write(octal(0, 8), 108, 'ascii') // uid
  header.write(octal(0, 8), 116, 'ascii') // gid
  header.write(octal(content.length, 12), 124, 'ascii')
  header.write(octal(0, 12), 136, 'ascii') // mtime: fixed, so the digest is reproducible
  header.write('        ', 148, 'ascii') // checksum field counts as spaces while summing
  header.write('0', 156, 'ascii') // regular file
  header.write('ustar\0', 257, 'ascii')
  header.write('00', 263, 'ascii')
  const checksum = header.reduce((sum, byte) => sum + byte, 0)
  header.write(checksum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii')
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512)
  return Buffer.concat([header, content, padding, Buffer.alloc(1024)])
}

async function writeBlob(dir: string, mediaType: string, data: Buffer): Promise<Descriptor> {
  const digest = sha256(data)
  await writeFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), data)
  return { mediaType, digest, size: data.length }
}

/** Writes an OCI image layout to `dir` whose index names one image manifest with the tag `tag`. */
export async function writeOciLayout(dir: string, tag: string): Promise<void> {
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true })
  const tar = tarWithOneFile('hello.txt', Buffer.from('hello from the test registry\n'))
  const layer = await writeBlob(dir, 'application/vnd.oci.image.layer.v1.tar+gzip', gzipSync(tar))
  const imageConfig = {
    architecture: 'amd64',
    os: 'linux',
    config: {},
    rootfs: { type: 'layers', diff_ids: [sha256(tar)] }
  }
  const config = await writeBlob(
    dir,
    'application/vnd.oci.image.config.v1+json',
    Buffer.from(JSON.stringify(imageConfig))
  )
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config,
    layers: [layer]
  }
  const manifestDescriptor = await writeBlob(
    dir,
    'application/vnd.oci.image.manifest.v1+json',
    Buffer.from(JSON.stringify(manifest))
  )
  const index = {
    schemaVersion: 2,
    manifests: [{ ...manifestDescriptor, annotations: { 'org.opencontainers.image.ref.name': tag } }]
  }
  await writeFile(join(dir, 'index.json'), JSON.stringify(index))
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
}
