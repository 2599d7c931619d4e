export const id = 816;
export const ids = [816];
export const modules = {

/***/ 89372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UG: () => (/* binding */ hashLayer),
  By: () => (/* binding */ writeLayer)
});

// UNUSED EXPORTS: buildLayer, gzipLevel

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ../../node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(36474);
// EXTERNAL MODULE: ../../packages/core/src/artifact/walk.ts + 1 modules
var walk = __webpack_require__(92998);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(30714);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/gc.ts


let collect;
/**
 * Runs a full garbage collection. Streaming hundreds of MiB through zlib and files leaves a trail of dead
 * Buffer chunks whose memory V8 reclaims only once its external-memory budget (~64 MiB) is spent, so peak RSS
 * climbs by about that much. Our heap is ~10 MiB, so a collection costs a few milliseconds; calling this every
 * few dozen MiB streamed keeps memory flat. Without the flag (e.g. a runtime that refuses it) it does nothing.
 */
function collectGarbage() {
    if (collect === undefined) {
        try {
            (0,external_node_v8_.setFlagsFromString)('--expose_gc');
            collect = (0,external_node_vm_.runInNewContext)('gc');
        }
        catch {
            collect = null;
        }
    }
    // A minor (young-generation) collection is enough: the dead chunks' wrappers are young, and it takes ~1 ms.
    collect?.({ type: 'minor', execution: 'sync' });
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/gzip.ts


// Gzip on every core, the same bytes on any machine. The uncompressed stream is cut into chunks at fixed byte
// offsets (never by timing), each chunk is deflated on its own on libuv's thread pool (Node's async zlib calls run
// there, so no worker threads are needed), and the outputs are written in order. As pigz does it (pigz.c,
// `compress_thread`/`parallel_compress`), each chunk is primed with the last 32 KiB of the one before as a preset
// dictionary and ends on a sync flush (an empty stored block that byte-aligns the stream), the last on a finish;
// the concatenation is ONE deflate stream in ONE gzip member, with the CRC-32 and length of the whole input.
// So, unlike concatenated gzip members, every gzip reader reads it (no multistream support needed), and matches
// reach back across chunk boundaries as in a single stream: the output is as small as the single-stream one.
// A chunk's bytes depend only on its own bytes, the 32 KiB before it, the level and whether it is the last: not on
// how the input was written, how many chunks were in flight or how many cores there are.
//
// Incompressible stretches (random or already compressed files: images, .tgz charts, binaries) are written as
// stored blocks without running deflate over them: deflate at level 6 spends twice as long per byte on them as on
// text, only to emit stored blocks itself (the bench tree: 22 % of its tar, a third of its compression time).
// Which 64 KiB blocks count as incompressible is decided from their bytes alone (see incompressible()), so this
// too gives the same output everywhere; a chunk of text is one deflate call, as above.
/** Uncompressed bytes per chunk. Changing it changes every layer digest. 1 MiB measured as fast as 256 KiB–4 MiB. */
const gzipChunkBytes = 1 << 20;
/** Deflate's window: how much of the previous chunk primes the next. */
const dictionaryBytes = 32 << 10;
/** The unit of the incompressible test; chunks are a whole number of these. */
const blockBytes = 64 << 10;
/** A stored block holds at most 65,535 bytes (RFC 1951 3.2.4). */
const storedMax = 0xffff;
/**
 * The gzip header Go's compress/gzip writes, which the single-stream writer also wrote (zlib's, with the OS byte
 * rewritten): no name or comment, mtime 0, XFL 0 (zlib writes 2 or 4 only for levels 9 and 1), OS 255 "unknown"
 * (zlib would write the build platform, 3 on Unix or 10 on Windows, and make the digest depend on the runner's OS).
 */
const gzipHeader = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** A Transform from bytes to their deterministic parallel gzip (see above). */
class ParallelGzip extends external_node_stream_.Transform {
    #level;
    #chunkBytes;
    #inFlight;
    #pending = [];
    #pendingBytes = 0;
    /** The end of the last chunk dispatched: the next one's dictionary. */
    #tail;
    /** Dispatched chunks, oldest first, until their output is pushed. */
    #jobs = [];
    /** A transform or flush callback waiting for room in the window (or for every job, at the end). */
    #waiting;
    /** The reader has enough for now (push returned false): take no more input until it reads (_read). */
    #full = false;
    #crc = 0;
    #size = 0;
    constructor(options) {
        super({ highWaterMark: options.highWaterMark });
        this.#level = options.level;
        this.#chunkBytes = Math.max(1, Math.ceil((options.chunkBytes ?? gzipChunkBytes) / blockBytes)) * blockBytes;
        this.#inFlight = Math.max(1, options.inFlight ?? 4);
        this.push(gzipHeader);
    }
    _transform(chunk, _encoding, callback) {
        this.#crc = (0,external_node_zlib_.crc32)(chunk, this.#crc);
        this.#size += chunk.length;
        this.#pending.push(chunk);
        this.#pendingBytes += chunk.length;
        // Only a chunk known not to be the last is dispatched here (one byte past it has arrived); the rest waits for
        // _flush, so a stream that ends exactly on a boundary still finishes in its last full chunk.
        while (this.#pendingBytes > this.#chunkBytes)
            this.#dispatch(this.#take(this.#chunkBytes), false);
        this.#whenRoom(this.#inFlight, callback);
    }
    _flush(callback) {
        this.#dispatch(this.#take(this.#pendingBytes), true);
        this.#whenRoom(1, () => {
            const trailer = Buffer.alloc(8);
            trailer.writeUInt32LE(this.#crc >>> 0, 0);
            trailer.writeUInt32LE(this.#size % 0x1_0000_0000, 4); // ISIZE: the length modulo 2^32 (RFC 1952)
            callback(null, trailer);
        });
    }
    /** The next `bytes` of pending input as one buffer (a view when it is all in one write). */
    #take(bytes) {
        const parts = [];
        let needed = bytes;
        while (needed > 0) {
            const head = this.#pending[0];
            if (head.length <= needed) {
                parts.push(head);
                this.#pending.shift();
                needed -= head.length;
            }
            else {
                parts.push(head.subarray(0, needed));
                this.#pending[0] = head.subarray(needed);
                needed = 0;
            }
        }
        this.#pendingBytes -= bytes;
        return parts.length === 1 ? parts[0] : Buffer.concat(parts, bytes);
    }
    #dispatch(input, last) {
        const job = {};
        this.#jobs.push(job);
        const before = this.#tail;
        this.#tail = input.subarray(input.length - Math.min(dictionaryBytes, input.length));
        // Runs of 64 KiB blocks of one kind: deflated (primed with the 32 KiB before the run) or stored as they are.
        const kinds = [];
        for (let at = 0; at < input.length; at += blockBytes)
            kinds.push(incompressible(input.subarray(at, at + blockBytes)));
        const parts = [];
        let first = 0;
        do {
            let next = first + 1;
            while (next < kinds.length && kinds[next] === kinds[first])
                next++;
            const [start, end] = [first * blockBytes, Math.min(input.length, next * blockBytes)];
            const final = last && end === input.length;
            const run = input.subarray(start, end);
            const dictionary = start === 0 ? before : input.subarray(start - dictionaryBytes, start);
            parts.push(kinds[first] ? Promise.resolve(storedBlocks(run, final)) : this.#deflate(run, dictionary, final));
            first = next;
        } while (first < kinds.length);
        Promise.all(parts).then((outputs) => {
            const pieces = outputs.flat();
            job.out = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
            this.#drain();
        }, (err) => this.destroy(err));
    }
    #deflate(input, dictionary, final) {
        const options = {
            level: this.#level,
            memLevel: 8,
            windowBits: 15,
            strategy: external_node_zlib_.constants.Z_DEFAULT_STRATEGY,
            finishFlush: final ? external_node_zlib_.constants.Z_FINISH : external_node_zlib_.constants.Z_SYNC_FLUSH,
            // Room for the whole output in one buffer: each further output buffer would be another hop from the thread
            // pool to the main thread and back (deflate's worst case is about 0.03 % over the input, plus a few bytes).
            chunkSize: input.length + (input.length >> 6) + 1024,
        };
        if (dictionary)
            options.dictionary = dictionary;
        return new Promise((resolve, reject) => (0,external_node_zlib_.deflateRaw)(input, options, (err, out) => (err ? reject(err) : resolve(out))));
    }
    _read(size) {
        this.#full = false;
        this.#waiting?.();
        super._read(size);
    }
    /** Pushes finished outputs in order, then lets a waiting callback go if there is room now. */
    #drain() {
        while (this.#jobs[0]?.out)
            if (!this.push(this.#jobs.shift().out))
                this.#full = true;
        const waiting = this.#waiting;
        if (waiting)
            waiting();
    }
    /** Calls `callback` once fewer than `limit` chunks are in flight (`limit` 1: once all are done). */
    #whenRoom(limit, callback) {
        const check = () => {
            // Outputs are pushed when they are ready, not when the reader asks; so the reader's backpressure is honoured
            // here, by taking no more input (the flush only waits for the chunks already in flight).
            if (this.#jobs.length >= limit || (this.#full && limit > 1))
                return;
            this.#waiting = undefined;
            callback();
        };
        this.#waiting = check;
        check();
    }
}
/**
 * Whether a 64 KiB block looks incompressible: in each 16 KiB quarter, a sample of every 16th byte (1,024 bytes)
 * has at least 200 distinct values and none more than 16 times (4× an even spread). Random and compressed data
 * pass (each value ~4 times, ~251 distinct); text, code and binaries with runs of zeros or repeated structure do
 * not, nor does a quarter with a few hundred bytes of text in it, so text next to a random file is still deflated.
 * Integer counts only: the answer is the same on every machine. A wrong answer costs size, never correctness.
 */
function incompressible(block) {
    if (block.length < blockBytes)
        return false;
    for (let quarter = 0; quarter < blockBytes; quarter += blockBytes / 4) {
        counts.fill(0);
        let distinct = 0;
        for (let i = quarter; i < quarter + blockBytes / 4; i += 16) {
            const value = block[i];
            const count = ++counts[value];
            if (count > 16)
                return false;
            if (count === 1)
                distinct++;
        }
        if (distinct < 200)
            return false;
    }
    return true;
}
const counts = new Uint8Array(256);
/**
 * Bytes as deflate stored blocks (RFC 1951 3.2.4), starting byte-aligned as every run here does: a 5-byte header
 * (BFINAL, BTYPE 00 and padding; LEN, NLEN) before each view of at most 65,535 bytes of the data.
 */
function storedBlocks(data, final) {
    const blocks = Math.max(1, Math.ceil(data.length / storedMax));
    const out = [];
    for (let i = 0; i < blocks; i++) {
        const piece = data.subarray(i * storedMax, (i + 1) * storedMax);
        const header = Buffer.allocUnsafe(5);
        header[0] = final && i === blocks - 1 ? 1 : 0;
        header.writeUInt16LE(piece.length, 1);
        header.writeUInt16LE(~piece.length & 0xffff, 3);
        out.push(header, piece);
    }
    return out;
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/build.ts








/** Gzip level of every layer we write; fixed, so the same tree always gives the same digest. Go's default. */
const gzipLevel = 6;
const epoch = new Date(0);
/** Files up to this size are read whole; larger ones are streamed. */
const smallFile = 1 << 20;
/** Read size of large files. */
const readBytes = 256 << 10;
/** Stream buffers deep enough that packing and hashing run ahead while zlib compresses on the thread pool. */
const queueBytes = 2 << 20;
/** Collect dead chunks this often while streaming (see collectGarbage). */
const collectEveryBytes = 8 << 20;
/** Counts and hashes what passes, without copying it; optionally collects garbage as the bytes go by. */
class Tap extends external_node_stream_.Transform {
    hash = (0,external_node_crypto_.createHash)('sha256');
    #collect;
    size = 0;
    constructor(options) {
        super({ highWaterMark: options.highWaterMark });
        this.#collect = options.collect ?? false;
    }
    _transform(chunk, _encoding, callback) {
        this.hash.update(chunk);
        if (this.#collect && Math.floor((this.size + chunk.length) / collectEveryBytes) > Math.floor(this.size / collectEveryBytes))
            collectGarbage();
        this.size += chunk.length;
        callback(null, chunk);
    }
}
/**
 * Writes the deterministic tar+gzip layer of a list of entries: byte-wise order, uid/gid 0, empty owner names,
 * mtime 0, modes normalised to 0644/0755, fixed gzip level and header. The same tree gives the same digest on
 * any machine, whatever its umask, clock or user. Streams: small files are read whole, large ones piped, so
 * memory stays flat however big the tree. With `out` undefined only the digests are computed (for diff).
 */
async function writeLayer(entries, out) {
    const pack = tar_stream.pack({ highWaterMark: queueBytes });
    const tarTap = new Tap({ highWaterMark: queueBytes, collect: true });
    const gzTap = new Tap({ highWaterMark: queueBytes });
    const sink = out ?? new external_node_stream_.Writable({ write: (_chunk, _encoding, callback) => callback() });
    const done = (0,promises_.pipeline)([
        pack,
        tarTap,
        new ParallelGzip({ level: gzipLevel, highWaterMark: queueBytes }),
        gzTap,
        sink,
    ]);
    let files = 0;
    const writing = (async () => {
        for (const entry of entries) {
            const header = {
                name: entry.name,
                mode: entry.mode,
                uid: 0,
                gid: 0,
                uname: '',
                gname: '',
                mtime: epoch,
                size: entry.type === 'file' ? entry.size : 0,
                type: entry.type,
            };
            if (entry.type === 'directory') {
                await new Promise((resolve, reject) => pack.entry(header, (err) => (err ? reject(err) : resolve())));
                continue;
            }
            files++;
            if (entry.size <= smallFile) {
                const content = readExactly(entry);
                await new Promise((resolve, reject) => pack.entry(header, content, (err) => (err ? reject(err) : resolve())));
            }
            else {
                await new Promise((resolve, reject) => {
                    // The header already says how big the file is: read at most that, and fail naming the file if it is
                    // shorter now (tar-stream's "size mismatch") or longer once read.
                    const sinkEntry = pack.entry(header, (err) => err
                        ? reject(changedWhilePacked(entry))
                        : (0,external_node_fs_.statSync)(entry.source).size === entry.size
                            ? resolve()
                            : reject(changedWhilePacked(entry)));
                    // The entry callback reports its error; the same error also emitted on the stream is handled there.
                    sinkEntry.on('error', () => undefined);
                    (0,external_node_fs_.createReadStream)(entry.source, { highWaterMark: readBytes, start: 0, end: entry.size - 1 })
                        .on('error', reject)
                        .pipe(sinkEntry);
                });
            }
        }
        pack.finalize();
    })();
    writing.catch((err) => pack.destroy(err));
    await Promise.all([writing, done]);
    return {
        digest: `sha256:${gzTap.hash.digest('hex')}`,
        size: gzTap.size,
        diffId: `sha256:${tarTap.hash.digest('hex')}`,
        uncompressedSize: tarTap.size,
        files,
    };
}
/**
 * Reads a whole small file, failing if it changed size since it was listed (the tar header already says how big).
 * Synchronous on purpose: for thousands of small files, four thread-pool round trips each (open, read, stat,
 * close) cost more than the reads; zlib keeps compressing on the thread pool meanwhile.
 */
function readExactly(entry) {
    const content = (0,external_node_fs_.readFileSync)(entry.source);
    if (content.length !== entry.size)
        throw changedWhilePacked(entry);
    return content;
}
function changedWhilePacked(entry) {
    return new walk/* ArtifactPathError */.uR('PATH_CHANGED', `file "${entry.name}" changed size while it was being packed (${entry.size} bytes when listed); pack a tree nothing is writing to`);
}
/** Packs a directory (or file) into a gzipped tarball at `output`; returns its digests and sizes. */
async function buildLayer(options, output) {
    return writeLayer(walkEntries(options.path, options), createWriteStream(output));
}
/** Computes the layer digest of a directory without writing anything (what `diff` compares). */
async function hashLayer(options) {
    return writeLayer((0,walk/* walkEntries */.Y1)(options.path, options));
}


/***/ }),

/***/ 42816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ pushArtifact),
/* harmony export */   _: () => (/* binding */ fetchIfExists)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48936);
/* harmony import */ var _oci_content_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(83632);
/* harmony import */ var _oci_memory_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(46198);
/* harmony import */ var _oci_copy_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(95672);
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(48706);
/* harmony import */ var _oci_descriptor_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(77796);
/* harmony import */ var _walk_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(92998);
/* harmony import */ var _build_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(89372);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(94913);
/* harmony import */ var _tag_guard_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(84166);
/* harmony import */ var _temp_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2714);
/* harmony import */ var _layer_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(69627);















/**
 * Packs a directory into a Flux artifact and pushes it: blobs first, then the manifest, then (after the
 * optional `beforeTag` step) the tags. With `diffTag`, unchanged content is not pushed again; its tags are
 * still applied to what `diffTag` holds, as the D2 push action does.
 */
async function pushArtifact(options) {
    const tags = [...new Set([...(options.diffTag ? [options.diffTag] : []), ...(options.tags ?? [])])];
    if (tags.length === 0)
        tags.push('latest');
    tags.forEach(_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .assertValidTag */ .b5);
    // A push writes (the manifest, or when unchanged the extra tags): one token exchange for reads and writes. Asking
    // for push without the right is no error: token servers grant the subset the caller has (docker token spec).
    options.target.expectPush?.();
    // Ask for the diff-tag's manifest first, so the registry round trip (and any token exchange) overlaps packing.
    const current = options.diffTag ? fetchIfExists(options.target, options.diffTag) : undefined;
    current?.catch(() => undefined); // awaited below; a bad path must not leave this rejection unhandled
    return (0,_temp_js__WEBPACK_IMPORTED_MODULE_4__/* .withTempDir */ .E)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.tempDir ?? (0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)(), 'd2ci-push-'), async (work) => {
        const layerFile = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(work, 'layer.tar.gz');
        const layer = await (0,_build_js__WEBPACK_IMPORTED_MODULE_5__/* .writeLayer */ .By)((0,_walk_js__WEBPACK_IMPORTED_MODULE_6__/* .walkEntries */ .Y1)(options.path, options), (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createWriteStream)(layerFile));
        if (layer.files === 0)
            throw new _walk_js__WEBPACK_IMPORTED_MODULE_6__/* .ArtifactPathError */ .uR('PATH_EMPTY', { path: options.path, detail: 'has no files to pack (after ignore rules)' });
        // Whether the diff tag named an artifact at all: a first push says so instead of claiming a difference.
        let diffTagFound = false;
        if (options.diffTag && current) {
            const existing = await current;
            diffTagFound = existing !== undefined;
            const same = existing && (0,_layer_js__WEBPACK_IMPORTED_MODULE_7__/* .sameContent */ .Cm)(existing, layer);
            if (existing && same) {
                await (0,_tag_guard_js__WEBPACK_IMPORTED_MODULE_8__/* .guardTags */ .JR)(options.target, tags.filter((t) => t !== options.diffTag), existing.descriptor.digest, options.force, options.diffTag);
                const results = [];
                for (const tag of tags)
                    results.push(tag === options.diffTag ? { tag, changed: false } : await (0,_oci_copy_js__WEBPACK_IMPORTED_MODULE_9__/* .applyTag */ .TL)(options.target, existing, tag, { lookFirst: true }));
                const { manifest } = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_10__/* .parseManifest */ .Ng)(existing.bytes, existing.descriptor.mediaType);
                return {
                    pushed: false,
                    reason: `content unchanged since ${options.diffTag}${same === 'tar' ? ' (the same tar, compressed by an earlier d2ci)' : ''}`,
                    descriptor: existing.descriptor,
                    tags: results,
                    layer,
                    annotations: manifest.annotations ?? {},
                    blobs: [],
                };
            }
        }
        const built = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_11__/* .fluxManifest */ .zi)(layer, options);
        // Before any byte is uploaded: a push that may not move one of its tags moves none.
        await (0,_tag_guard_js__WEBPACK_IMPORTED_MODULE_8__/* .guardTags */ .JR)(options.target, tags, built.descriptor.digest, options.force, options.diffTag);
        options.onPushing?.(built.descriptor);
        const staging = new _oci_memory_js__WEBPACK_IMPORTED_MODULE_12__/* .MemoryStore */ .n('staging');
        staging.stage(built.configDescriptor, (0,_oci_content_js__WEBPACK_IMPORTED_MODULE_13__/* .bytesSource */ .Xl)(built.config));
        staging.stage(built.layerDescriptor, (0,_oci_content_js__WEBPACK_IMPORTED_MODULE_13__/* .fileSource */ .IO)(layerFile, layer.size));
        staging.stage(built.descriptor, (0,_oci_content_js__WEBPACK_IMPORTED_MODULE_13__/* .bytesSource */ .Xl)(built.manifest));
        const copied = await (0,_oci_copy_js__WEBPACK_IMPORTED_MODULE_9__/* .copyGraph */ .a0)(staging, { descriptor: built.descriptor, bytes: built.manifest }, options.target, {
            tags,
            // A fresh `created` makes the manifest new; only a reproducible one can already be there.
            checkRoot: options.reproducible === true || options.created !== undefined,
            beforeTag: options.beforeTag,
            concurrency: options.concurrency,
        });
        const reason = !options.diffTag
            ? 'no diff-tag set'
            : copied.existed
                ? `identical artifact already in ${options.target.name}`
                : diffTagFound
                    ? `content differs from ${options.diffTag}`
                    : `${options.diffTag} not found in ${options.target.name} (first push)`;
        return {
            pushed: true,
            reason,
            descriptor: built.descriptor,
            tags: copied.tags,
            layer,
            annotations: built.annotations,
            blobs: copied.blobs,
        };
    });
}
/** The manifest at a reference, or undefined when the tag does not exist. */
async function fetchIfExists(target, reference) {
    try {
        return await target.fetchManifest(reference);
    }
    catch (err) {
        if ((0,_oci_errors_js__WEBPACK_IMPORTED_MODULE_14__/* .isNotFound */ .c4)(err))
            return undefined;
        throw err;
    }
}


/***/ }),

/***/ 84166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ ProtectedTagError),
/* harmony export */   JM: () => (/* binding */ isVersionTag),
/* harmony export */   JR: () => (/* binding */ guardTags)
/* harmony export */ });
/* unused harmony export stableTagName */
/* harmony import */ var _oci_copy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(95672);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90084);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85736);



/**
 * A tag this push may not move. `field` says which part of the request named it (`diff-tag` when it is the tag the
 * push compares with, which it also moves). `problem` is the refusal alone; `forcible` says whether naming the tag
 * in `force` would let it move, and the message adds the CLI's way to do that (`d2ci push` and `d2ci tag` take
 * `--force`; the actions have no such input, so they show `problem`).
 */
class ProtectedTagError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .BaseError */ .Cf {
    tag;
    forcible;
    constructor(code, tag, problem, field = 'tags') {
        const forcible = code !== 'TAG_SIGNATURE';
        super(code, forcible ? `${problem}, or name it in --force` : problem, { field, problem });
        this.tag = tag;
        this.forcible = forcible;
    }
}
const stableTagName = 'latest-stable';
/** A release version tag: `v` and a semantic version (`v1.2.3`, `v2.0.0-rc.1`). */
function isVersionTag(tag) {
    return /^v[0-9]/.test(tag) && semver__WEBPACK_IMPORTED_MODULE_0___default().valid(tag.replace(/^v/, '')) !== null;
}
/**
 * Refuses, before anything is pushed, tags this push may not point at `digest`. `force` names tags the user
 * explicitly allows to move (never the signature and referrers tags); `diffTag`, when it is among `tags`, is the
 * one a refusal of it blames.
 */
async function guardTags(target, tags, digest, force = [], diffTag) {
    const field = (tag) => (tag === diffTag ? 'diff-tag' : 'tags');
    for (const tag of tags) {
        if (/^sha256-[0-9a-f]{64}/.test(tag)) {
            throw new ProtectedTagError('TAG_SIGNATURE', tag, `tag "${tag}" holds the cosign signature, attestation or referrers index of artifact sha256:${tag.slice(7, 71)}; a push never writes it`, field(tag));
        }
    }
    await Promise.all(tags.map(async (tag) => {
        if (force.includes(tag))
            return;
        if (tag === stableTagName) {
            throw new ProtectedTagError('TAG_STABLE', tag, `tag "${tag}" is what production follows: only a release moves it (d2ci release, the release-artifact action)`, field(tag));
        }
        if (!isVersionTag(tag))
            return;
        const existing = await (0,_oci_copy_js__WEBPACK_IMPORTED_MODULE_2__/* .currentDigest */ .kE)(target, tag);
        if (existing !== undefined && existing !== digest) {
            throw new ProtectedTagError('TAG_RELEASED', tag, `tag "${tag}" is a released version pointing at ${existing}; a release never moves: release a new version`, field(tag));
        }
    }));
}


/***/ }),

/***/ 81434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ settleLimit),
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/** Maps over items with at most `limit` calls in flight; rejects with the first failure after in-flight calls settle. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (!failure && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure)
        throw failure.error;
    return results;
}
/** Like mapLimit, but every item runs to completion and each outcome is returned (one failure stops nothing). */
async function settleLimit(items, limit, fn) {
    return mapLimit(items, limit, async (item, index) => {
        try {
            return { ok: true, value: await fn(item, index) };
        }
        catch (error) {
            return { ok: false, error };
        }
    });
}


/***/ }),

/***/ 95672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TL: () => (/* binding */ applyTag),
/* harmony export */   a0: () => (/* binding */ copyGraph),
/* harmony export */   kE: () => (/* binding */ currentDigest)
/* harmony export */ });
/* unused harmony exports copy, immutableTagError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48706);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(18613);
/* harmony import */ var _descriptor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77796);
/* harmony import */ var _content_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83632);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17420);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81434);






/** Copies the manifest named by `reference` in `src`, and everything below it, into `dst`; then tags it. */
async function copy(src, reference, dst, options = {}) {
    return copyGraph(src, await src.fetchManifest(reference), dst, options);
}
/**
 * Copies a manifest graph bottom-up (children before parents, so no manifest ever lands before its blobs),
 * skipping what the destination has, then stores the root and moves the tags. Without `beforeTag`, the root
 * is stored under its first tag in one request, which is just as safe: its blobs are already there.
 */
async function copyGraph(src, root, dst, options = {}) {
    const tags = [...new Set(options.tags ?? [])];
    const blobs = [];
    const existed = options.checkRoot !== false && (await dst.exists(root.descriptor));
    const written = new Map();
    if (!existed) {
        await copyChildren(src, root, dst, options, blobs);
        const first = tags[0];
        if (!options.beforeTag && first !== undefined) {
            // Through applyTag, so an identical push that landed meanwhile (immutable tags) is not an error here either.
            written.set(first, await applyTag(dst, root, first, { lookFirst: false }));
        }
        else {
            await dst.push(root.descriptor, (0,_content_js__WEBPACK_IMPORTED_MODULE_0__/* .bytesSource */ .Xl)(root.bytes));
        }
    }
    if (options.beforeTag)
        await options.beforeTag(root.descriptor);
    const results = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_1__/* .mapLimit */ .s)(tags, 4, async (tag) => {
        const done = written.get(tag);
        if (done)
            return done;
        // Only an existing root can already be tagged; a new one saves the lookup.
        return applyTag(dst, root, tag, { lookFirst: existed });
    });
    return { descriptor: root.descriptor, existed, blobs, tags: results };
}
/**
 * Points `tag` at a stored manifest. With `lookFirst`, resolves the tag first and writes nothing when it already
 * points there (immutable-tag registries reject even a same-digest re-put). A rejected write is forgiven only
 * when the tag turns out to point at the manifest already. `seen` is a look made already, alongside other reads:
 * the digest the tag pointed at (undefined when it did not exist).
 */
async function applyTag(dst, root, tag, options) {
    const before = 'seen' in options ? options.seen : options.lookFirst ? await currentDigest(dst, tag) : undefined;
    if (before === root.descriptor.digest)
        return { tag, changed: false };
    try {
        await dst.pushReference(root.descriptor, root.bytes, tag);
        return { tag, changed: true };
    }
    catch (err) {
        const refused = err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OciError */ .Mf && err.status !== undefined && err.status >= 400 && err.status < 500;
        const current = refused ? await currentDigest(dst, tag).catch(() => undefined) : undefined;
        if (refused && current === root.descriptor.digest)
            return { tag, changed: false };
        throw (current !== undefined && immutableTagError(err, dst.name, tag)) || err;
    }
}
/**
 * ECR's answer to moving an immutable tag (`400 TAG_INVALID … cannot be overwritten because the tag is immutable`)
 * as an error that names the tag and the fix; undefined for other errors. Called for a tag that exists and points
 * elsewhere: TAG_INVALID there is the registry refusing to move it (our tags follow the grammar, and the
 * distribution spec's other TAG_INVALID, a schema 1 manifest naming another tag, cannot happen), so the code
 * decides, not the registry's wording.
 */
function immutableTagError(err, repository, tag) {
    if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OciError */ .Mf) || err.code !== 'TAG_INVALID')
        return undefined;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OciError */ .Mf('TAG_INVALID', `tag "${tag}" of ${repository} is immutable in the registry and already points at another manifest, so it cannot be moved`, {
        status: err.status,
        cause: err,
        hint: `in ECR set the repository's tag mutability to IMMUTABLE_WITH_EXCLUSION with an exclusion filter for "${tag}" (or MUTABLE), or don't move "${tag}"`,
    });
}
/** The digest a tag points at, or undefined when the tag does not exist. */
async function currentDigest(target, tag) {
    try {
        return (await target.resolve(tag)).digest;
    }
    catch (err) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(err))
            return undefined;
        throw err;
    }
}
async function copyChildren(src, node, dst, options, report) {
    const { manifest } = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_3__/* .parseManifest */ .Ng)(node.bytes, node.descriptor.mediaType);
    const unique = [...new Map((0,_descriptor_js__WEBPACK_IMPORTED_MODULE_3__/* .successors */ .ir)(manifest).map((d) => [d.digest, d])).values()];
    await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_1__/* .mapLimit */ .s)(unique, options.concurrency ?? 4, async (child) => {
        if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .isManifestMediaType */ .CM)(child.mediaType)) {
            if (await dst.exists(child))
                return;
            const bytes = await (0,_content_js__WEBPACK_IMPORTED_MODULE_0__/* .readAll */ .yw)(await src.fetch(child));
            await copyChildren(src, { descriptor: child, bytes }, dst, options, report);
            await dst.push(child, (0,_content_js__WEBPACK_IMPORTED_MODULE_0__/* .bytesSource */ .Xl)(bytes));
            return;
        }
        let result = 'exists';
        if (!(await dst.exists(child))) {
            if (options.mountFrom && (0,_target_js__WEBPACK_IMPORTED_MODULE_5__/* .canMount */ .a)(dst)) {
                result = await dst.mount(child, options.mountFrom, src.source(child));
            }
            else {
                await dst.push(child, src.source(child));
                result = 'uploaded';
            }
        }
        report.push({ descriptor: child, result });
    });
}


/***/ }),

/***/ 17420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ canMount)
/* harmony export */ });
function canMount(target) {
    return typeof target.mount === 'function';
}


/***/ })

};
