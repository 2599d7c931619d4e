import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6173:
/***/ ((module) => {

function isBuffer(value) {
  return Buffer.isBuffer(value) || value instanceof Uint8Array
}

function isEncoding(encoding) {
  return Buffer.isEncoding(encoding)
}

function alloc(size, fill, encoding) {
  return Buffer.alloc(size, fill, encoding)
}

function allocUnsafe(size) {
  return Buffer.allocUnsafe(size)
}

function allocUnsafeSlow(size) {
  return Buffer.allocUnsafeSlow(size)
}

function byteLength(string, encoding) {
  return Buffer.byteLength(string, encoding)
}

function compare(a, b) {
  return Buffer.compare(a, b)
}

function concat(buffers, totalLength) {
  return Buffer.concat(buffers, totalLength)
}

function copy(source, target, targetStart, start, end) {
  return toBuffer(source).copy(target, targetStart, start, end)
}

function equals(a, b) {
  return toBuffer(a).equals(b)
}

function fill(buffer, value, offset, end, encoding) {
  return toBuffer(buffer).fill(value, offset, end, encoding)
}

function from(value, encodingOrOffset, length) {
  return Buffer.from(value, encodingOrOffset, length)
}

function includes(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).includes(value, byteOffset, encoding)
}

function indexOf(buffer, value, byfeOffset, encoding) {
  return toBuffer(buffer).indexOf(value, byfeOffset, encoding)
}

function lastIndexOf(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).lastIndexOf(value, byteOffset, encoding)
}

function swap16(buffer) {
  return toBuffer(buffer).swap16()
}

function swap32(buffer) {
  return toBuffer(buffer).swap32()
}

function swap64(buffer) {
  return toBuffer(buffer).swap64()
}

function toBuffer(buffer) {
  if (Buffer.isBuffer(buffer)) return buffer
  return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

function toString(buffer, encoding, start, end) {
  return toBuffer(buffer).toString(encoding, start, end)
}

function toHex(buffer, start, end) {
  return toBuffer(buffer).toString('hex', start, end)
}

function write(buffer, string, offset, length, encoding) {
  return toBuffer(buffer).write(string, offset, length, encoding)
}

function readDoubleBE(buffer, offset) {
  return toBuffer(buffer).readDoubleBE(offset)
}

function readDoubleLE(buffer, offset) {
  return toBuffer(buffer).readDoubleLE(offset)
}

function readFloatBE(buffer, offset) {
  return toBuffer(buffer).readFloatBE(offset)
}

function readFloatLE(buffer, offset) {
  return toBuffer(buffer).readFloatLE(offset)
}

function readInt32BE(buffer, offset) {
  return toBuffer(buffer).readInt32BE(offset)
}

function readInt32LE(buffer, offset) {
  return toBuffer(buffer).readInt32LE(offset)
}

function readUInt32BE(buffer, offset) {
  return toBuffer(buffer).readUInt32BE(offset)
}

function readUInt32LE(buffer, offset) {
  return toBuffer(buffer).readUInt32LE(offset)
}

function writeDoubleBE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleBE(value, offset)
}

function writeDoubleLE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleLE(value, offset)
}

function writeFloatBE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatBE(value, offset)
}

function writeFloatLE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatLE(value, offset)
}

function writeInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32BE(value, offset)
}

function writeInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32LE(value, offset)
}

function writeUInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32BE(value, offset)
}

function writeUInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32LE(value, offset)
}

module.exports = {
  isBuffer,
  isEncoding,
  alloc,
  allocUnsafe,
  allocUnsafeSlow,
  byteLength,
  compare,
  concat,
  copy,
  equals,
  fill,
  from,
  includes,
  indexOf,
  lastIndexOf,
  swap16,
  swap32,
  swap64,
  toBuffer,
  toString,
  toHex,
  write,
  readDoubleBE,
  readDoubleLE,
  readFloatBE,
  readFloatLE,
  readInt32BE,
  readInt32LE,
  readUInt32BE,
  readUInt32LE,
  writeDoubleBE,
  writeDoubleLE,
  writeFloatBE,
  writeFloatLE,
  writeInt32BE,
  writeInt32LE,
  writeUInt32BE,
  writeUInt32LE
}


/***/ }),

/***/ 1736:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(4434)


/***/ }),

/***/ 1967:
/***/ ((module) => {

module.exports = class FixedFIFO {
  constructor (hwm) {
    if (!(hwm > 0) || ((hwm - 1) & hwm) !== 0) throw new Error('Max size for a FixedFIFO should be a power of two')
    this.buffer = new Array(hwm)
    this.mask = hwm - 1
    this.top = 0
    this.btm = 0
    this.next = null
  }

  clear () {
    this.top = this.btm = 0
    this.next = null
    this.buffer.fill(undefined)
  }

  push (data) {
    if (this.buffer[this.top] !== undefined) return false
    this.buffer[this.top] = data
    this.top = (this.top + 1) & this.mask
    return true
  }

  shift () {
    const last = this.buffer[this.btm]
    if (last === undefined) return undefined
    this.buffer[this.btm] = undefined
    this.btm = (this.btm + 1) & this.mask
    return last
  }

  peek () {
    return this.buffer[this.btm]
  }

  isEmpty () {
    return this.buffer[this.btm] === undefined
  }
}


/***/ }),

/***/ 6927:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const FixedFIFO = __nccwpck_require__(1967)

module.exports = class FastFIFO {
  constructor (hwm) {
    this.hwm = hwm || 16
    this.head = new FixedFIFO(this.hwm)
    this.tail = this.head
    this.length = 0
  }

  clear () {
    this.head = this.tail
    this.head.clear()
    this.length = 0
  }

  push (val) {
    this.length++
    if (!this.head.push(val)) {
      const prev = this.head
      this.head = prev.next = new FixedFIFO(2 * this.head.buffer.length)
      this.head.push(val)
    }
  }

  shift () {
    if (this.length !== 0) this.length--
    const val = this.tail.shift()
    if (val === undefined && this.tail.next) {
      const next = this.tail.next
      this.tail.next = null
      this.tail = next
      return this.tail.shift()
    }

    return val
  }

  peek () {
    const val = this.tail.peek()
    if (val === undefined && this.tail.next) return this.tail.next.peek()
    return val
  }

  isEmpty () {
    return this.length === 0
  }
}


/***/ }),

/***/ 8200:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { EventEmitter } = __nccwpck_require__(1736)
const FIFO = __nccwpck_require__(6927)
const TextDecoder = __nccwpck_require__(1410)

const StreamError = __nccwpck_require__(3237)

// if we do a future major, expect queue microtask to be there always, for now a bit defensive
const qmt =
  typeof queueMicrotask === 'undefined' ? (fn) => global.process.nextTick(fn) : queueMicrotask

// 29 bits used total (4 from shared, 14 from read, and 11 from write)
const MAX = (1 << 29) - 1

// Shared state
const OPENING = 0b0001
const PREDESTROYING = 0b0010
const DESTROYING = 0b0100
const DESTROYED = 0b1000

const NOT_OPENING = MAX ^ OPENING
const NOT_PREDESTROYING = MAX ^ PREDESTROYING

// Read state (4 bit offset from shared state)
const READ_ACTIVE = 0b00000000000001 << 4
const READ_UPDATING = 0b00000000000010 << 4
const READ_PRIMARY = 0b00000000000100 << 4
const READ_QUEUED = 0b00000000001000 << 4
const READ_RESUMED = 0b00000000010000 << 4
const READ_PIPE_DRAINED = 0b00000000100000 << 4
const READ_ENDING = 0b00000001000000 << 4
const READ_EMIT_DATA = 0b00000010000000 << 4
const READ_EMIT_READABLE = 0b00000100000000 << 4
const READ_EMITTED_READABLE = 0b00001000000000 << 4
const READ_DONE = 0b00010000000000 << 4
const READ_NEXT_TICK = 0b00100000000000 << 4
const READ_NEEDS_PUSH = 0b01000000000000 << 4
const READ_READ_AHEAD = 0b10000000000000 << 4

// Combined read state
const READ_FLOWING = READ_RESUMED | READ_PIPE_DRAINED
const READ_ACTIVE_AND_NEEDS_PUSH = READ_ACTIVE | READ_NEEDS_PUSH
const READ_PRIMARY_AND_ACTIVE = READ_PRIMARY | READ_ACTIVE
const READ_EMIT_READABLE_AND_QUEUED = READ_EMIT_READABLE | READ_QUEUED
const READ_RESUMED_READ_AHEAD = READ_RESUMED | READ_READ_AHEAD

const READ_NOT_ACTIVE = MAX ^ READ_ACTIVE
const READ_NON_PRIMARY = MAX ^ READ_PRIMARY
const READ_NON_PRIMARY_AND_PUSHED = MAX ^ (READ_PRIMARY | READ_NEEDS_PUSH)
const READ_PUSHED = MAX ^ READ_NEEDS_PUSH
const READ_PAUSED = MAX ^ READ_RESUMED
const READ_NOT_QUEUED = MAX ^ (READ_QUEUED | READ_EMITTED_READABLE)
const READ_NOT_ENDING = MAX ^ READ_ENDING
const READ_PIPE_NOT_DRAINED = MAX ^ READ_FLOWING
const READ_NOT_NEXT_TICK = MAX ^ READ_NEXT_TICK
const READ_NOT_UPDATING = MAX ^ READ_UPDATING
const READ_NO_READ_AHEAD = MAX ^ READ_READ_AHEAD
const READ_PAUSED_NO_READ_AHEAD = MAX ^ READ_RESUMED_READ_AHEAD

// Write state (18 bit offset, 4 bit offset from shared state and 14 from read state)
const WRITE_ACTIVE = 0b00000000001 << 18
const WRITE_UPDATING = 0b00000000010 << 18
const WRITE_PRIMARY = 0b00000000100 << 18
const WRITE_QUEUED = 0b00000001000 << 18
const WRITE_UNDRAINED = 0b00000010000 << 18
const WRITE_DONE = 0b00000100000 << 18
const WRITE_EMIT_DRAIN = 0b00001000000 << 18
const WRITE_NEXT_TICK = 0b00010000000 << 18
const WRITE_WRITING = 0b00100000000 << 18
const WRITE_FINISHING = 0b01000000000 << 18
const WRITE_CORKED = 0b10000000000 << 18

const WRITE_NOT_ACTIVE = MAX ^ (WRITE_ACTIVE | WRITE_WRITING)
const WRITE_NON_PRIMARY = MAX ^ WRITE_PRIMARY
const WRITE_NOT_FINISHING = MAX ^ (WRITE_ACTIVE | WRITE_FINISHING)
const WRITE_DRAINED = MAX ^ WRITE_UNDRAINED
const WRITE_NOT_QUEUED = MAX ^ WRITE_QUEUED
const WRITE_NOT_NEXT_TICK = MAX ^ WRITE_NEXT_TICK
const WRITE_NOT_UPDATING = MAX ^ WRITE_UPDATING
const WRITE_NOT_CORKED = MAX ^ WRITE_CORKED

// Combined shared state
const ACTIVE = READ_ACTIVE | WRITE_ACTIVE
const NOT_ACTIVE = MAX ^ ACTIVE
const DONE = READ_DONE | WRITE_DONE
const DESTROY_STATUS = DESTROYING | DESTROYED | PREDESTROYING
const OPEN_STATUS = DESTROY_STATUS | OPENING
const AUTO_DESTROY = DESTROY_STATUS | DONE
const NON_PRIMARY = WRITE_NON_PRIMARY & READ_NON_PRIMARY
const ACTIVE_OR_TICKING = WRITE_NEXT_TICK | READ_NEXT_TICK
const TICKING = ACTIVE_OR_TICKING & NOT_ACTIVE
const IS_OPENING = OPEN_STATUS | TICKING

// Combined shared state and read state
const READ_PRIMARY_STATUS = OPEN_STATUS | READ_ENDING | READ_DONE
const READ_STATUS = OPEN_STATUS | READ_DONE | READ_QUEUED
const READ_ENDING_STATUS = OPEN_STATUS | READ_ENDING | READ_QUEUED
const READ_READABLE_STATUS = OPEN_STATUS | READ_EMIT_READABLE | READ_QUEUED | READ_EMITTED_READABLE
const SHOULD_NOT_READ =
  OPEN_STATUS | READ_ACTIVE | READ_ENDING | READ_DONE | READ_NEEDS_PUSH | READ_READ_AHEAD
const READ_BACKPRESSURE_STATUS = DESTROY_STATUS | READ_ENDING | READ_DONE
const READ_UPDATE_SYNC_STATUS = READ_UPDATING | OPEN_STATUS | READ_NEXT_TICK | READ_PRIMARY
const READ_NEXT_TICK_OR_OPENING = READ_NEXT_TICK | OPENING

// Combined write state
const WRITE_PRIMARY_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_QUEUED_AND_UNDRAINED = WRITE_QUEUED | WRITE_UNDRAINED
const WRITE_QUEUED_AND_ACTIVE = WRITE_QUEUED | WRITE_ACTIVE
const WRITE_DRAIN_STATUS = WRITE_QUEUED | WRITE_UNDRAINED | OPEN_STATUS | WRITE_ACTIVE
const WRITE_STATUS = OPEN_STATUS | WRITE_ACTIVE | WRITE_QUEUED | WRITE_CORKED
const WRITE_PRIMARY_AND_ACTIVE = WRITE_PRIMARY | WRITE_ACTIVE
const WRITE_ACTIVE_AND_WRITING = WRITE_ACTIVE | WRITE_WRITING
const WRITE_FINISHING_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_QUEUED_AND_ACTIVE | WRITE_DONE
const WRITE_BACKPRESSURE_STATUS = WRITE_UNDRAINED | DESTROY_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_UPDATE_SYNC_STATUS = WRITE_UPDATING | OPEN_STATUS | WRITE_NEXT_TICK | WRITE_PRIMARY
const WRITE_DROP_DATA = WRITE_FINISHING | WRITE_DONE | DESTROY_STATUS

const asyncIterator = Symbol.asyncIterator || Symbol('asyncIterator')

class WritableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapWritable, byteLength, byteLengthWritable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark
    this.buffered = 0
    this.error = null
    this.pipeline = null
    this.drains = null // if we add more seldomly used helpers we might them into a subobject so its a single ptr
    this.byteLength = byteLengthWritable || byteLength || defaultByteLength
    this.map = mapWritable || map
    this.afterWrite = afterWrite.bind(this)
    this.afterUpdateNextTick = updateWriteNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & WRITE_FINISHING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & WRITE_DONE) !== 0
  }

  push(data) {
    if ((this.stream._duplexState & WRITE_DROP_DATA) !== 0) return false
    if (this.map !== null) data = this.map(data)

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    if (this.buffered < this.highWaterMark) {
      this.stream._duplexState |= WRITE_QUEUED
      return true
    }

    this.stream._duplexState |= WRITE_QUEUED_AND_UNDRAINED
    return false
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) this.stream._duplexState &= WRITE_NOT_QUEUED

    return data
  }

  end(data) {
    if (typeof data === 'function') {
      this.stream.once('finish', data)
    } else if (data !== undefined && data !== null) {
      this.push(data)
    }

    this.stream._duplexState = (this.stream._duplexState | WRITE_FINISHING) & WRITE_NON_PRIMARY
  }

  autoBatch(data, cb) {
    const buffer = []
    const stream = this.stream

    buffer.push(data)
    while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED_AND_ACTIVE) {
      buffer.push(stream._writableState.shift())
    }

    if ((stream._duplexState & OPEN_STATUS) !== 0) return cb(null)
    stream._writev(buffer, cb)
  }

  update() {
    const stream = this.stream

    stream._duplexState |= WRITE_UPDATING

    do {
      while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED) {
        const data = this.shift()
        stream._duplexState |= WRITE_ACTIVE_AND_WRITING
        stream._write(data, this.afterWrite)
      }

      if ((stream._duplexState & WRITE_PRIMARY_AND_ACTIVE) === 0) this.updateNonPrimary()
    } while (this.continueUpdate() === true)

    stream._duplexState &= WRITE_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & WRITE_FINISHING_STATUS) === WRITE_FINISHING) {
      stream._duplexState = stream._duplexState | WRITE_ACTIVE
      stream._final(afterFinal.bind(this))
      return
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) === 0) return false
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & WRITE_UPDATE_SYNC_STATUS) === WRITE_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTick() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) !== 0) return
    this.stream._duplexState |= WRITE_NEXT_TICK
    if ((this.stream._duplexState & WRITE_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class ReadableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapReadable, byteLength, byteLengthReadable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark === 0 ? 1 : highWaterMark
    this.buffered = 0
    this.readAhead = highWaterMark > 0
    this.error = null
    this.pipeline = null
    this.byteLength = byteLengthReadable || byteLength || defaultByteLength
    this.map = mapReadable || map
    this.pipeTo = null
    this.afterRead = afterRead.bind(this)
    this.afterUpdateNextTick = updateReadNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & READ_ENDING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & READ_DONE) !== 0
  }

  pipe(pipeTo, cb) {
    if (this.pipeTo !== null) throw StreamError.BAD_ARGUMENT('Can only pipe to one destination')
    if (typeof cb !== 'function') cb = null

    this.stream._duplexState |= READ_PIPE_DRAINED
    this.pipeTo = pipeTo
    this.pipeline = new Pipeline(this.stream, pipeTo, cb)

    if (cb) this.stream.on('error', noop) // We already error handle this so supress crashes

    if (isStreamx(pipeTo)) {
      pipeTo._writableState.pipeline = this.pipeline
      if (cb) pipeTo.on('error', noop) // We already error handle this so supress crashes
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline)) // TODO: just call finished from pipeTo itself
    } else {
      const onerror = this.pipeline.done.bind(this.pipeline, pipeTo)
      const onclose = this.pipeline.done.bind(this.pipeline, pipeTo, null) // onclose has a weird bool arg
      pipeTo.on('error', onerror)
      pipeTo.on('close', onclose)
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline))
    }

    pipeTo.on('drain', afterDrain.bind(this))
    this.stream.emit('piping', pipeTo)
    pipeTo.emit('pipe', this.stream)
  }

  push(data) {
    const stream = this.stream

    if (data === null) {
      this.highWaterMark = 0
      stream._duplexState = (stream._duplexState | READ_ENDING) & READ_NON_PRIMARY_AND_PUSHED
      return false
    }

    if (this.map !== null) {
      data = this.map(data)
      if (data === null) {
        stream._duplexState &= READ_PUSHED
        return this.buffered < this.highWaterMark
      }
    }

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    stream._duplexState = (stream._duplexState | READ_QUEUED) & READ_PUSHED

    return this.buffered < this.highWaterMark
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) {
      this.stream._duplexState &= READ_NOT_QUEUED
    }

    return data
  }

  unshift(data) {
    const pending = [this.map !== null ? this.map(data) : data]
    while (this.buffered > 0) pending.push(this.shift())

    for (let i = 0; i < pending.length - 1; i++) {
      const data = pending[i]
      this.buffered += this.byteLength(data)
      this.queue.push(data)
    }

    this.push(pending[pending.length - 1])
  }

  read() {
    const stream = this.stream

    if ((stream._duplexState & READ_STATUS) === READ_QUEUED) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }

      return data
    }

    if (this.readAhead === false) {
      stream._duplexState |= READ_READ_AHEAD
      this.updateNextTick()
    }

    return null
  }

  drain() {
    const stream = this.stream

    while (
      (stream._duplexState & READ_STATUS) === READ_QUEUED &&
      (stream._duplexState & READ_FLOWING) !== 0
    ) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }
    }
  }

  update() {
    const stream = this.stream

    stream._duplexState |= READ_UPDATING

    do {
      this.drain()

      while (
        this.buffered < this.highWaterMark &&
        (stream._duplexState & SHOULD_NOT_READ) === READ_READ_AHEAD
      ) {
        stream._duplexState |= READ_ACTIVE_AND_NEEDS_PUSH
        stream._read(this.afterRead)
        this.drain()
      }

      if ((stream._duplexState & READ_READABLE_STATUS) === READ_EMIT_READABLE_AND_QUEUED) {
        stream._duplexState |= READ_EMITTED_READABLE
        stream.emit('readable')
      }

      if ((stream._duplexState & READ_PRIMARY_AND_ACTIVE) === 0) {
        this.updateNonPrimary()
      }
    } while (this.continueUpdate() === true)

    stream._duplexState &= READ_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & READ_ENDING_STATUS) === READ_ENDING) {
      stream._duplexState = (stream._duplexState | READ_DONE) & READ_NOT_ENDING
      stream.emit('end')

      if ((stream._duplexState & AUTO_DESTROY) === DONE) {
        stream._duplexState |= DESTROYING
      }

      if (this.pipeTo !== null) {
        this.pipeTo.end()
      }
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & READ_NEXT_TICK) === 0) return false
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & READ_UPDATE_SYNC_STATUS) === READ_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTickIfOpen() {
    if ((this.stream._duplexState & READ_NEXT_TICK_OR_OPENING) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }

  updateNextTick() {
    if ((this.stream._duplexState & READ_NEXT_TICK) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class TransformState {
  constructor(stream) {
    this.data = null
    this.afterTransform = afterTransform.bind(stream)
    this.afterFinal = null
  }
}

class Pipeline {
  constructor(src, dst, cb) {
    this.from = src
    this.to = dst
    this.afterPipe = cb
    this.error = null
    this.pipeToFinished = false
  }

  finished() {
    this.pipeToFinished = true
  }

  done(stream, err) {
    if (err) this.error = err

    if (stream === this.to) {
      this.to = null

      if (this.from !== null) {
        if ((this.from._duplexState & READ_DONE) === 0 || !this.pipeToFinished) {
          this.from.destroy(this.error || StreamError.PREMATURE_CLOSE('Writable stream closed'))
        }
        return
      }
    }

    if (stream === this.from) {
      this.from = null

      if (this.to !== null) {
        if ((stream._duplexState & READ_DONE) === 0) {
          this.to.destroy(this.error || StreamError.PREMATURE_CLOSE('Readable stream closed'))
        }
        return
      }
    }

    if (this.afterPipe !== null) this.afterPipe(this.error)
    this.to = this.from = this.afterPipe = null
  }
}

function afterDrain() {
  this.stream._duplexState |= READ_PIPE_DRAINED
  this.updateCallback()
}

function afterFinal(err) {
  const stream = this.stream
  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROY_STATUS) === 0) {
    stream._duplexState |= WRITE_DONE
    stream.emit('finish')
  }

  if ((stream._duplexState & AUTO_DESTROY) === DONE) {
    stream._duplexState |= DESTROYING
  }

  stream._duplexState &= WRITE_NOT_FINISHING

  // no need to wait the extra tick here, so we short circuit that
  if ((stream._duplexState & WRITE_UPDATING) === 0) {
    this.update()
  } else {
    this.updateNextTick()
  }
}

function afterDestroy(err) {
  const stream = this.stream

  if (!err && !StreamError.isStreamDestroyed(this.error)) err = this.error
  if (err) stream.emit('error', err)

  stream._duplexState |= DESTROYED
  stream.emit('close')

  const rs = stream._readableState
  const ws = stream._writableState

  if (rs !== null && rs.pipeline !== null) {
    rs.pipeline.done(stream, err)
  }

  if (ws !== null) {
    while (ws.drains !== null && ws.drains.length > 0) {
      ws.drains.shift().resolve(false)
    }

    if (ws.pipeline !== null) {
      ws.pipeline.done(stream, err)
    }
  }
}

function afterWrite(err) {
  const stream = this.stream

  if (err) stream.destroy(err)
  stream._duplexState &= WRITE_NOT_ACTIVE

  if (this.drains !== null) tickDrains(this.drains)

  if ((stream._duplexState & WRITE_DRAIN_STATUS) === WRITE_UNDRAINED) {
    stream._duplexState &= WRITE_DRAINED

    if ((stream._duplexState & WRITE_EMIT_DRAIN) === WRITE_EMIT_DRAIN) {
      stream.emit('drain')
    }
  }

  this.updateCallback()
}

function afterRead(err) {
  if (err) this.stream.destroy(err)
  this.stream._duplexState &= READ_NOT_ACTIVE

  if (this.readAhead === false && (this.stream._duplexState & READ_RESUMED) === 0) {
    this.stream._duplexState &= READ_NO_READ_AHEAD
  }

  this.updateCallback()
}

function updateReadNT() {
  if ((this.stream._duplexState & READ_UPDATING) === 0) {
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    this.update()
  }
}

function updateWriteNT() {
  if ((this.stream._duplexState & WRITE_UPDATING) === 0) {
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    this.update()
  }
}

function tickDrains(drains) {
  for (let i = 0; i < drains.length; i++) {
    // drains.writes are monotonic, so if one is 0 its always the first one
    if (--drains[i].writes === 0) {
      drains.shift().resolve(true)
      i--
    }
  }
}

function afterOpen(err) {
  const stream = this.stream

  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROYING) === 0) {
    if ((stream._duplexState & READ_PRIMARY_STATUS) === 0) {
      stream._duplexState |= READ_PRIMARY
    }

    if ((stream._duplexState & WRITE_PRIMARY_STATUS) === 0) {
      stream._duplexState |= WRITE_PRIMARY
    }

    stream.emit('open')
  }

  stream._duplexState &= NOT_ACTIVE

  if (stream._writableState !== null) {
    stream._writableState.updateCallback()
  }

  if (stream._readableState !== null) {
    stream._readableState.updateCallback()
  }
}

function afterTransform(err, data) {
  if (data !== undefined && data !== null) this.push(data)
  this._writableState.afterWrite(err)
}

function newListener(name) {
  if (this._readableState !== null) {
    if (name === 'data') {
      this._duplexState |= READ_EMIT_DATA | READ_RESUMED_READ_AHEAD
      this._readableState.updateNextTick()
    }
    if (name === 'readable') {
      this._duplexState |= READ_EMIT_READABLE
      this._readableState.updateNextTick()
    }
  }

  if (this._writableState !== null) {
    if (name === 'drain') {
      this._duplexState |= WRITE_EMIT_DRAIN
      this._writableState.updateNextTick()
    }
  }
}

class Stream extends EventEmitter {
  constructor(opts) {
    super()

    this._duplexState = 0
    this._readableState = null
    this._writableState = null

    if (opts) {
      if (opts.open) this._open = opts.open
      if (opts.destroy) this._destroy = opts.destroy
      if (opts.predestroy) this._predestroy = opts.predestroy
      if (opts.signal) opts.signal.addEventListener('abort', abort.bind(this))
    }

    this.on('newListener', newListener)
  }

  _open(cb) {
    cb(null)
  }

  _destroy(cb) {
    cb(null)
  }

  _predestroy() {
    // does nothing
  }

  get readable() {
    return this._readableState !== null ? true : undefined
  }

  get writable() {
    return this._writableState !== null ? true : undefined
  }

  get destroyed() {
    return (this._duplexState & DESTROYED) !== 0
  }

  get destroying() {
    return (this._duplexState & DESTROY_STATUS) !== 0
  }

  destroy(err) {
    if ((this._duplexState & DESTROY_STATUS) === 0) {
      if (!err) err = StreamError.STREAM_DESTROYED()
      this._duplexState = (this._duplexState | DESTROYING) & NON_PRIMARY

      if (this._readableState !== null) {
        this._readableState.highWaterMark = 0
        this._readableState.error = err
      }

      if (this._writableState !== null) {
        this._writableState.highWaterMark = 0
        this._writableState.error = err
      }

      this._duplexState |= PREDESTROYING
      this._predestroy()
      this._duplexState &= NOT_PREDESTROYING

      if (this._readableState !== null) {
        this._readableState.updateNextTick()
      }

      if (this._writableState !== null) {
        this._writableState.updateNextTick()
      }
    }
  }
}

class Readable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | WRITE_DONE | READ_READ_AHEAD
    this._readableState = new ReadableState(this, opts)

    if (opts) {
      if (this._readableState.readAhead === false) this._duplexState &= READ_NO_READ_AHEAD
      if (opts.read) this._read = opts.read
      if (opts.eagerOpen) this._readableState.updateNextTick()
      if (opts.encoding) this.setEncoding(opts.encoding)
    }
  }

  static deferred(fn, opts) {
    const out = new PassThrough(opts)

    fn()
      .then((src) => {
        if (src === null) return out.end()
        if (out.destroying) return
        pipeline(src, out, noop)
      })
      .catch((err) => out.destroy(err))

    return out
  }

  setEncoding(encoding) {
    const dec = new TextDecoder(encoding)
    const map = this._readableState.map || echo
    this._readableState.map = mapOrSkip
    return this

    function mapOrSkip(data) {
      const next = dec.push(data)
      return next === '' && (data.byteLength !== 0 || dec.remaining > 0) ? null : map(next)
    }
  }

  _read(cb) {
    cb(null)
  }

  pipe(dest, cb) {
    this._readableState.updateNextTick()
    this._readableState.pipe(dest, cb)
    return dest
  }

  read() {
    this._readableState.updateNextTick()
    return this._readableState.read()
  }

  push(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.push(data)
  }

  unshift(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.unshift(data)
  }

  resume() {
    this._duplexState |= READ_RESUMED_READ_AHEAD
    this._readableState.updateNextTick()
    return this
  }

  pause() {
    this._duplexState &=
      this._readableState.readAhead === false ? READ_PAUSED_NO_READ_AHEAD : READ_PAUSED
    return this
  }

  static _fromAsyncIterator(ite, opts) {
    let destroy

    const rs = new Readable({
      ...opts,
      read(cb) {
        ite.next().then(push).then(cb.bind(null, null)).catch(cb)
      },
      predestroy() {
        destroy = ite.return()
      },
      destroy(cb) {
        if (!destroy) return cb(null)
        destroy.then(cb.bind(null, null)).catch(cb)
      }
    })

    return rs

    function push(data) {
      if (data.done) rs.push(null)
      else rs.push(data.value)
    }
  }

  static from(data, opts) {
    if (isReadStreamx(data)) return data
    if (data[asyncIterator]) return this._fromAsyncIterator(data[asyncIterator](), opts)
    if (!Array.isArray(data)) data = data === undefined ? [] : [data]

    let i = 0
    return new Readable({
      ...opts,
      read(cb) {
        this.push(i === data.length ? null : data[i++])
        cb(null)
      }
    })
  }

  static isBackpressured(rs) {
    return (
      (rs._duplexState & READ_BACKPRESSURE_STATUS) !== 0 ||
      rs._readableState.buffered >= rs._readableState.highWaterMark
    )
  }

  static isPaused(rs) {
    return (rs._duplexState & READ_RESUMED) === 0
  }

  [asyncIterator]() {
    const stream = this

    let error = null
    let promiseResolve = null
    let promiseReject = null

    this.on('error', (err) => {
      error = err
    })
    this.on('readable', onreadable)
    this.on('close', onclose)

    return {
      [asyncIterator]() {
        return this
      },
      next() {
        return new Promise(function (resolve, reject) {
          promiseResolve = resolve
          promiseReject = reject
          const data = stream.read()
          if (data !== null) ondata(data)
          else if ((stream._duplexState & DESTROYED) !== 0) ondata(null)
        })
      },
      return() {
        return destroy(null)
      },
      throw(err) {
        return destroy(err)
      }
    }

    function onreadable() {
      if (promiseResolve !== null) ondata(stream.read())
    }

    function onclose() {
      if (promiseResolve !== null) ondata(null)
    }

    function ondata(data) {
      if (promiseReject === null) return
      if (error) {
        promiseReject(error)
      } else if (data === null && (stream._duplexState & READ_DONE) === 0) {
        promiseReject(StreamError.STREAM_DESTROYED())
      } else {
        promiseResolve({ value: data, done: data === null })
      }
      promiseReject = promiseResolve = null
    }

    function destroy(err) {
      stream.destroy(err)
      return new Promise((resolve, reject) => {
        if (stream._duplexState & DESTROYED) return resolve({ value: undefined, done: true })
        stream.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

class Writable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | READ_DONE
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
      if (opts.eagerOpen) this._writableState.updateNextTick()
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  static isBackpressured(ws) {
    return (ws._duplexState & WRITE_BACKPRESSURE_STATUS) !== 0
  }

  static drained(ws) {
    if (ws.destroyed) return Promise.resolve(false)

    const state = ws._writableState
    const pending = isWritev(ws) ? Math.min(1, state.queue.length) : state.queue.length
    const writes = pending + (ws._duplexState & WRITE_WRITING ? 1 : 0)
    if (writes === 0) return Promise.resolve(true)

    if (state.drains === null) state.drains = []
    return new Promise((resolve) => {
      state.drains.push({ writes, resolve })
    })
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Duplex extends Readable {
  // and Writable
  constructor(opts) {
    super(opts)

    this._duplexState = OPENING | (this._duplexState & READ_READ_AHEAD)
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Transform extends Duplex {
  constructor(opts) {
    super(opts)
    this._transformState = new TransformState(this)

    if (opts) {
      if (opts.transform) this._transform = opts.transform
      if (opts.flush) this._flush = opts.flush
    }
  }

  _write(data, cb) {
    if (this._readableState.buffered >= this._readableState.highWaterMark) {
      this._transformState.data = data
    } else {
      this._transform(data, this._transformState.afterTransform)
    }
  }

  _read(cb) {
    if (this._transformState.data !== null) {
      const data = this._transformState.data
      this._transformState.data = null
      cb(null)
      this._transform(data, this._transformState.afterTransform)
    } else {
      cb(null)
    }
  }

  destroy(err) {
    super.destroy(err)
    if (this._transformState.data !== null) {
      this._transformState.data = null
      this._transformState.afterTransform()
    }
  }

  _transform(data, cb) {
    cb(null, data)
  }

  _flush(cb) {
    cb(null)
  }

  _final(cb) {
    this._transformState.afterFinal = cb
    this._flush(transformAfterFlush.bind(this))
  }
}

class PassThrough extends Transform {}

function transformAfterFlush(err, data) {
  const cb = this._transformState.afterFinal
  if (err) return cb(err)

  if (data !== null && data !== undefined) this.push(data)
  this.push(null)
  cb(null)
}

function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    return pipeline(...streams, (err) => {
      if (err) return reject(err)
      resolve()
    })
  })
}

function pipeline(stream, ...streams) {
  const all = Array.isArray(stream) ? [...stream, ...streams] : [stream, ...streams]
  const done = all.length && typeof all[all.length - 1] === 'function' ? all.pop() : null

  if (all.length < 2) throw StreamError.BAD_ARGUMENT('Pipeline requires at least 2 streams')

  let src = all[0]
  let dest = null
  let error = null

  for (let i = 1; i < all.length; i++) {
    dest = all[i]

    if (isStreamx(src)) {
      src.pipe(dest, onerror)
    } else {
      errorHandle(src, true, i > 1, onerror)
      src.pipe(dest)
    }

    src = dest
  }

  if (done) {
    let fin = false

    const autoDestroy =
      isStreamx(dest) || !!(dest._writableState && dest._writableState.autoDestroy)

    dest.on('error', (err) => {
      if (error === null) error = err
    })

    dest.on('finish', () => {
      fin = true
      if (!autoDestroy) done(error)
    })

    if (autoDestroy) {
      dest.on('close', () => done(error || (fin ? null : StreamError.PREMATURE_CLOSE())))
    }
  }

  return dest

  function errorHandle(s, rd, wr, onerror) {
    s.on('error', onerror)
    s.on('close', onclose)

    function onclose() {
      if (rd && s._readableState && !s._readableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
      if (wr && s._writableState && !s._writableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
    }
  }

  function onerror(err) {
    if (!err || error) return
    error = err

    for (const s of all) {
      s.destroy(err)
    }
  }
}

function echo(s) {
  return s
}

function isStream(stream) {
  return !!stream._readableState || !!stream._writableState
}

function isStreamx(stream) {
  return typeof stream._duplexState === 'number' && isStream(stream)
}

function isEnding(stream) {
  return !!stream._readableState && stream._readableState.ending
}

function isEnded(stream) {
  return !!stream._readableState && stream._readableState.ended
}

function isFinishing(stream) {
  return !!stream._writableState && stream._writableState.ending
}

function isFinished(stream) {
  return !!stream._writableState && stream._writableState.ended
}

function getStreamError(stream, opts = {}) {
  const err =
    (stream._readableState && stream._readableState.error) ||
    (stream._writableState && stream._writableState.error)

  // avoid implicit errors by default
  return !opts.all && StreamError.isStreamDestroyed(err) ? null : err
}

function isReadStreamx(stream) {
  return isStreamx(stream) && stream.readable
}

function isDisturbed(stream) {
  return (
    (stream._duplexState & OPENING) !== OPENING ||
    (stream._duplexState & DESTROYING) === DESTROYING ||
    (stream._duplexState & ACTIVE_OR_TICKING) !== 0
  )
}

function isTypedArray(data) {
  return typeof data === 'object' && data !== null && typeof data.byteLength === 'number'
}

function defaultByteLength(data) {
  return isTypedArray(data) ? data.byteLength : 1024
}

function noop() {}

function abort() {
  this.destroy(StreamError.ABORTED())
}

function isWritev(s) {
  return s._writev !== Writable.prototype._writev && s._writev !== Duplex.prototype._writev
}

module.exports = {
  pipeline,
  pipelinePromise,
  isStream,
  isStreamx,
  isEnding,
  isEnded,
  isFinishing,
  isFinished,
  isDisturbed,
  getStreamError,
  Stream,
  Writable,
  Readable,
  Duplex,
  Transform,
  // Export PassThrough for compatibility with Node.js core's stream module
  PassThrough
}


/***/ }),

/***/ 3237:
/***/ ((module) => {

module.exports = class StreamError extends Error {
  constructor(msg, code, fn = StreamError) {
    super(msg)

    this.code = code

    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, fn)
    }
  }

  static isStreamDestroyed(err) {
    return err && err.code === 'STREAM_DESTROYED'
  }

  static isPrematureClose(err) {
    return err && err.code === 'PREMATURE_CLOSE'
  }

  static isAborted(err) {
    return err && err.code === 'ABORTED'
  }

  static isBadArgument(err) {
    return err && err.code === 'BAD_ARGUMENT'
  }

  get name() {
    return 'StreamError'
  }

  static STREAM_DESTROYED() {
    return new StreamError('Stream was destroyed', 'STREAM_DESTROYED', StreamError.STREAM_DESTROYED)
  }

  static PREMATURE_CLOSE(msg = 'Premature close') {
    return new StreamError(msg, 'PREMATURE_CLOSE', StreamError.PREMATURE_CLOSE)
  }

  static ABORTED() {
    return new StreamError('Stream aborted', 'ABORTED', StreamError.ABORTED)
  }

  static BAD_ARGUMENT(msg = 'Bad argument') {
    return new StreamError(msg, 'BAD_ARGUMENT', StreamError.BAD_ARGUMENT)
  }
}


/***/ }),

/***/ 5531:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const constants = { // just for envs without fs
  S_IFMT: 61440,
  S_IFDIR: 16384,
  S_IFCHR: 8192,
  S_IFBLK: 24576,
  S_IFIFO: 4096,
  S_IFLNK: 40960
}

try {
  module.exports = (__nccwpck_require__(9896).constants) || constants
} catch {
  module.exports = constants
}


/***/ }),

/***/ 6919:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Writable, Readable, getStreamError } = __nccwpck_require__(8200)
const FIFO = __nccwpck_require__(6927)
const b4a = __nccwpck_require__(6173)
const headers = __nccwpck_require__(5472)

const EMPTY = b4a.alloc(0)
const MAX_HEADER_SIZE = 4 * 1024 * 1024 // arbitrary big number

class BufferList {
  constructor () {
    this.buffered = 0
    this.shifted = 0
    this.queue = new FIFO()

    this._offset = 0
  }

  push (buffer) {
    this.buffered += buffer.byteLength
    this.queue.push(buffer)
  }

  shiftFirst (size) {
    return this.buffered === 0 ? null : this._next(size)
  }

  shift (size) {
    if (size > this.buffered) return null
    if (size === 0) return EMPTY

    let chunk = this._next(size)

    if (size === chunk.byteLength) return chunk // likely case

    const chunks = [chunk]

    while ((size -= chunk.byteLength) > 0) {
      chunk = this._next(size)
      chunks.push(chunk)
    }

    return b4a.concat(chunks)
  }

  _next (size) {
    const buf = this.queue.peek()
    const rem = buf.byteLength - this._offset

    if (size >= rem) {
      const sub = this._offset ? buf.subarray(this._offset, buf.byteLength) : buf
      this.queue.shift()
      this._offset = 0
      this.buffered -= rem
      this.shifted += rem
      return sub
    }

    this.buffered -= size
    this.shifted += size

    return buf.subarray(this._offset, (this._offset += size))
  }
}

class Source extends Readable {
  constructor (self, header, offset) {
    super()

    this.header = header
    this.offset = offset

    this._parent = self
  }

  _read (cb) {
    if (this.header.size === 0) {
      this.push(null)
    }
    if (this._parent._stream === this) {
      this._parent._update()
    }
    cb(null)
  }

  _predestroy () {
    this._parent.destroy(getStreamError(this))
  }

  _detach () {
    if (this._parent._stream === this) {
      this._parent._stream = null
      this._parent._missing = overflow(this.header.size)
      this._parent._update()
    }
  }

  _destroy (cb) {
    this._detach()
    cb(null)
  }
}

class Extract extends Writable {
  constructor (opts) {
    super(opts)

    if (!opts) opts = {}

    this._buffer = new BufferList()
    this._offset = 0
    this._header = null
    this._stream = null
    this._missing = 0
    this._longHeader = false
    this._callback = noop
    this._locked = false
    this._finished = false
    this._pax = null
    this._paxGlobal = null
    this._gnuLongPath = null
    this._gnuLongLinkPath = null
    this._filenameEncoding = opts.filenameEncoding || 'utf-8'
    this._allowUnknownFormat = !!opts.allowUnknownFormat
    this._unlockBound = this._unlock.bind(this)
  }

  _unlock (err) {
    this._locked = false

    if (err) {
      this.destroy(err)
      this._continueWrite(err)
      return
    }

    this._update()
  }

  _consumeHeader () {
    if (this._locked) return false

    this._offset = this._buffer.shifted

    try {
      this._header = headers.decode(this._buffer.shift(512), this._filenameEncoding, this._allowUnknownFormat)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    if (!this._header) return true

    this._header.byteOffset = this._buffer.shifted

    switch (this._header.type) {
      case 'gnu-long-path':
      case 'gnu-long-link-path':
      case 'pax-global-header':
      case 'pax-header':
        this._longHeader = true
        this._missing = this._header.size
        if (this._missing > MAX_HEADER_SIZE) {
          this._continueWrite(new Error('Header exceeds max size'))
          return false
        }
        return true
    }

    this._locked = true
    this._applyLongHeaders()

    if (!(this._header.size >= 0)) {
      this._continueWrite(new Error('Invalid header'))
      return false
    }

    if (this._header.size === 0 || this._header.type === 'directory') {
      this.emit('entry', this._header, this._createStream(), this._unlockBound)
      return true
    }

    this._stream = this._createStream()
    this._missing = this._header.size

    this.emit('entry', this._header, this._stream, this._unlockBound)
    return true
  }

  _applyLongHeaders () {
    if (this._gnuLongPath) {
      this._header.name = this._gnuLongPath
      this._gnuLongPath = null
    }

    if (this._gnuLongLinkPath) {
      this._header.linkname = this._gnuLongLinkPath
      this._gnuLongLinkPath = null
    }

    if (this._pax) {
      if (this._pax.path) this._header.name = this._pax.path
      if (this._pax.linkpath) this._header.linkname = this._pax.linkpath
      if (this._pax.size) this._header.size = parseInt(this._pax.size, 10)
      this._header.pax = this._pax
      this._pax = null
    }
  }

  _decodeLongHeader (buf) {
    switch (this._header.type) {
      case 'gnu-long-path':
        this._gnuLongPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'gnu-long-link-path':
        this._gnuLongLinkPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'pax-global-header':
        this._paxGlobal = headers.decodePax(buf)
        break
      case 'pax-header':
        this._pax = this._paxGlobal === null
          ? headers.decodePax(buf)
          : Object.assign({}, this._paxGlobal, headers.decodePax(buf))
        break
    }
  }

  _consumeLongHeader () {
    this._longHeader = false
    this._missing = overflow(this._header.size)

    const buf = this._buffer.shift(this._header.size)

    try {
      this._decodeLongHeader(buf)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    return true
  }

  _consumeStream () {
    const buf = this._buffer.shiftFirst(this._missing)
    if (buf === null) return false

    this._missing -= buf.byteLength
    const drained = this._stream.push(buf)

    if (this._missing === 0) {
      this._stream.push(null)
      if (drained) this._stream._detach()
      return drained && this._locked === false
    }

    return drained
  }

  _createStream () {
    return new Source(this, this._header, this._offset)
  }

  _update () {
    while (this._buffer.buffered > 0 && !this.destroying) {
      if (this._missing > 0) {
        if (this._stream !== null) {
          if (this._consumeStream() === false) return
          continue
        }

        if (this._longHeader === true) {
          if (this._missing > this._buffer.buffered) break
          if (this._consumeLongHeader() === false) return false
          continue
        }

        const ignore = this._buffer.shiftFirst(this._missing)
        if (ignore !== null) this._missing -= ignore.byteLength
        continue
      }

      if (this._buffer.buffered < 512) break
      if (this._stream !== null || this._consumeHeader() === false) return
    }

    this._continueWrite(null)
  }

  _continueWrite (err) {
    const cb = this._callback
    this._callback = noop
    cb(err)
  }

  _write (data, cb) {
    this._callback = cb
    this._buffer.push(data)
    this._update()
  }

  _final (cb) {
    this._finished = this._missing === 0 && this._buffer.buffered === 0
    cb(this._finished ? null : new Error('Unexpected end of data'))
  }

  _predestroy () {
    this._continueWrite(null)
  }

  _destroy (cb) {
    if (this._stream) this._stream.destroy(getStreamError(this))
    cb(null)
  }

  [Symbol.asyncIterator] () {
    let error = null

    let promiseResolve = null
    let promiseReject = null

    let entryStream = null
    let entryCallback = null

    const extract = this

    this.on('entry', onentry)
    this.on('error', (err) => { error = err })
    this.on('close', onclose)

    return {
      [Symbol.asyncIterator] () {
        return this
      },
      next () {
        return new Promise(onnext)
      },
      return () {
        return destroy(null)
      },
      throw (err) {
        return destroy(err)
      }
    }

    function consumeCallback (err) {
      if (!entryCallback) return
      const cb = entryCallback
      entryCallback = null
      cb(err)
    }

    function onnext (resolve, reject) {
      if (error) {
        return reject(error)
      }

      if (entryStream) {
        resolve({ value: entryStream, done: false })
        entryStream = null
        return
      }

      promiseResolve = resolve
      promiseReject = reject

      consumeCallback(null)

      if (extract._finished && promiseResolve) {
        promiseResolve({ value: undefined, done: true })
        promiseResolve = promiseReject = null
      }
    }

    function onentry (header, stream, callback) {
      entryCallback = callback
      stream.on('error', noop) // no way around this due to tick sillyness

      if (promiseResolve) {
        promiseResolve({ value: stream, done: false })
        promiseResolve = promiseReject = null
      } else {
        entryStream = stream
      }
    }

    function onclose () {
      consumeCallback(error)
      if (!promiseResolve) return
      if (error) promiseReject(error)
      else promiseResolve({ value: undefined, done: true })
      promiseResolve = promiseReject = null
    }

    function destroy (err) {
      extract.destroy(err)
      consumeCallback(err)
      return new Promise((resolve, reject) => {
        if (extract.destroyed) return resolve({ value: undefined, done: true })
        extract.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

module.exports = function extract (opts) {
  return new Extract(opts)
}

function noop () {}

function overflow (size) {
  size &= 511
  return size && 512 - size
}


/***/ }),

/***/ 5472:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(6173)

const ZEROS = '0000000000000000000'
const SEVENS = '7777777777777777777'
const ZERO_OFFSET = '0'.charCodeAt(0)
const USTAR_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x00]) // ustar\x00
const USTAR_VER = b4a.from([ZERO_OFFSET, ZERO_OFFSET])
const GNU_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x20]) // ustar\x20
const GNU_VER = b4a.from([0x20, 0x00])
const MASK = 0o7777
const MAGIC_OFFSET = 257
const VERSION_OFFSET = 263

exports.decodeLongPath = function decodeLongPath (buf, encoding) {
  return decodeStr(buf, 0, buf.length, encoding)
}

exports.encodePax = function encodePax (opts) { // TODO: encode more stuff in pax
  let result = ''
  if (opts.name) result += addLength(' path=' + opts.name + '\n')
  if (opts.linkname) result += addLength(' linkpath=' + opts.linkname + '\n')
  const pax = opts.pax
  if (pax) {
    for (const key in pax) {
      result += addLength(' ' + key + '=' + pax[key] + '\n')
    }
  }
  return b4a.from(result)
}

exports.decodePax = function decodePax (buf) {
  const result = {}

  while (buf.length) {
    let i = 0
    while (i < buf.length && buf[i] !== 32) i++
    const len = parseInt(b4a.toString(buf.subarray(0, i)), 10)
    if (!len) return result

    const b = b4a.toString(buf.subarray(i + 1, len - 1))
    const keyIndex = b.indexOf('=')
    if (keyIndex === -1) return result
    result[b.slice(0, keyIndex)] = b.slice(keyIndex + 1)

    buf = buf.subarray(len)
  }

  return result
}

exports.encode = function encode (opts) {
  const buf = b4a.alloc(512)
  let name = opts.name
  let prefix = ''

  if (opts.typeflag === 5 && name[name.length - 1] !== '/') name += '/'
  if (b4a.byteLength(name) !== name.length) return null // utf-8

  while (b4a.byteLength(name) > 100) {
    const i = name.indexOf('/')
    if (i === -1) return null
    prefix += prefix ? '/' + name.slice(0, i) : name.slice(0, i)
    name = name.slice(i + 1)
  }

  if (b4a.byteLength(name) > 100 || b4a.byteLength(prefix) > 155) return null
  if (opts.linkname && b4a.byteLength(opts.linkname) > 100) return null

  b4a.write(buf, name)
  b4a.write(buf, encodeOct(opts.mode & MASK, 6), 100)
  b4a.write(buf, encodeOct(opts.uid, 6), 108)
  b4a.write(buf, encodeOct(opts.gid, 6), 116)
  encodeSize(opts.size, buf, 124)
  b4a.write(buf, encodeOct((opts.mtime.getTime() / 1000) | 0, 11), 136)

  buf[156] = ZERO_OFFSET + toTypeflag(opts.type)

  if (opts.linkname) b4a.write(buf, opts.linkname, 157)

  b4a.copy(USTAR_MAGIC, buf, MAGIC_OFFSET)
  b4a.copy(USTAR_VER, buf, VERSION_OFFSET)
  if (opts.uname) b4a.write(buf, opts.uname, 265)
  if (opts.gname) b4a.write(buf, opts.gname, 297)
  b4a.write(buf, encodeOct(opts.devmajor || 0, 6), 329)
  b4a.write(buf, encodeOct(opts.devminor || 0, 6), 337)

  if (prefix) b4a.write(buf, prefix, 345)

  b4a.write(buf, encodeOct(cksum(buf), 6), 148)

  return buf
}

exports.decode = function decode (buf, filenameEncoding, allowUnknownFormat) {
  let typeflag = buf[156] === 0 ? 0 : buf[156] - ZERO_OFFSET

  let name = decodeStr(buf, 0, 100, filenameEncoding)
  const mode = decodeOct(buf, 100, 8)
  const uid = decodeOct(buf, 108, 8)
  const gid = decodeOct(buf, 116, 8)
  const size = decodeOct(buf, 124, 12)
  const mtime = decodeOct(buf, 136, 12)
  const type = toType(typeflag)
  const linkname = buf[157] === 0 ? null : decodeStr(buf, 157, 100, filenameEncoding)
  const uname = decodeStr(buf, 265, 32)
  const gname = decodeStr(buf, 297, 32)
  const devmajor = decodeOct(buf, 329, 8)
  const devminor = decodeOct(buf, 337, 8)

  const c = cksum(buf)

  // checksum is still initial value if header was null.
  if (c === 8 * 32) return null

  // valid checksum
  if (c !== decodeOct(buf, 148, 8)) throw new Error('Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?')

  if (isUSTAR(buf)) {
    // ustar (posix) format.
    // prepend prefix, if present.
    if (buf[345]) name = decodeStr(buf, 345, 155, filenameEncoding) + '/' + name
  } else if (isGNU(buf)) {
    // 'gnu'/'oldgnu' format. Similar to ustar, but has support for incremental and
    // multi-volume tarballs.
  } else {
    if (!allowUnknownFormat) {
      throw new Error('Invalid tar header: unknown format.')
    }
  }

  // to support old tar versions that use trailing / to indicate dirs
  if (typeflag === 0 && name && name[name.length - 1] === '/') typeflag = 5

  return {
    name,
    mode,
    uid,
    gid,
    size,
    byteOffset: 0,
    mtime: new Date(1000 * mtime),
    type,
    linkname,
    uname,
    gname,
    devmajor,
    devminor,
    pax: null
  }
}

function isUSTAR (buf) {
  return b4a.equals(USTAR_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6))
}

function isGNU (buf) {
  return b4a.equals(GNU_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) &&
    b4a.equals(GNU_VER, buf.subarray(VERSION_OFFSET, VERSION_OFFSET + 2))
}

function clamp (index, len, defaultValue) {
  if (typeof index !== 'number') return defaultValue
  index = ~~index // Coerce to integer.
  if (index >= len) return len
  if (index >= 0) return index
  index += len
  if (index >= 0) return index
  return 0
}

function toType (flag) {
  switch (flag) {
    case 0:
      return 'file'
    case 1:
      return 'link'
    case 2:
      return 'symlink'
    case 3:
      return 'character-device'
    case 4:
      return 'block-device'
    case 5:
      return 'directory'
    case 6:
      return 'fifo'
    case 7:
      return 'contiguous-file'
    case 72:
      return 'pax-header'
    case 55:
      return 'pax-global-header'
    case 27:
      return 'gnu-long-link-path'
    case 28:
    case 30:
      return 'gnu-long-path'
  }

  return null
}

function toTypeflag (flag) {
  switch (flag) {
    case 'file':
      return 0
    case 'link':
      return 1
    case 'symlink':
      return 2
    case 'character-device':
      return 3
    case 'block-device':
      return 4
    case 'directory':
      return 5
    case 'fifo':
      return 6
    case 'contiguous-file':
      return 7
    case 'pax-header':
      return 72
  }

  return 0
}

function indexOf (block, num, offset, end) {
  for (; offset < end; offset++) {
    if (block[offset] === num) return offset
  }
  return end
}

function cksum (block) {
  let sum = 8 * 32
  for (let i = 0; i < 148; i++) sum += block[i]
  for (let j = 156; j < 512; j++) sum += block[j]
  return sum
}

function encodeOct (val, n) {
  val = val.toString(8)
  if (val.length > n) return SEVENS.slice(0, n) + ' '
  return ZEROS.slice(0, n - val.length) + val + ' '
}

function encodeSizeBin (num, buf, off) {
  buf[off] = 0x80
  for (let i = 11; i > 0; i--) {
    buf[off + i] = num & 0xff
    num = Math.floor(num / 0x100)
  }
}

function encodeSize (num, buf, off) {
  if (num.toString(8).length > 11) {
    encodeSizeBin(num, buf, off)
  } else {
    b4a.write(buf, encodeOct(num, 11), off)
  }
}

/* Copied from the node-tar repo and modified to meet
 * tar-stream coding standard.
 *
 * Source: https://github.com/npm/node-tar/blob/51b6627a1f357d2eb433e7378e5f05e83b7aa6cd/lib/header.js#L349
 */
function parse256 (buf) {
  // first byte MUST be either 80 or FF
  // 80 for positive, FF for 2's comp
  let positive
  if (buf[0] === 0x80) positive = true
  else if (buf[0] === 0xFF) positive = false
  else return null

  // build up a base-256 tuple from the least sig to the highest
  const tuple = []
  let i
  for (i = buf.length - 1; i > 0; i--) {
    const byte = buf[i]
    if (positive) tuple.push(byte)
    else tuple.push(0xFF - byte)
  }

  let sum = 0
  const l = tuple.length
  for (i = 0; i < l; i++) {
    sum += tuple[i] * Math.pow(256, i)
  }

  return positive ? sum : -1 * sum
}

function decodeOct (val, offset, length) {
  val = val.subarray(offset, offset + length)
  offset = 0

  // If prefixed with 0x80 then parse as a base-256 integer
  if (val[offset] & 0x80) {
    return parse256(val)
  } else {
    // Older versions of tar can prefix with spaces
    while (offset < val.length && val[offset] === 32) offset++
    const end = clamp(indexOf(val, 32, offset, val.length), val.length, val.length)
    while (offset < end && val[offset] === 0) offset++
    if (end === offset) return 0
    return parseInt(b4a.toString(val.subarray(offset, end)), 8)
  }
}

function decodeStr (val, offset, length, encoding) {
  return b4a.toString(val.subarray(offset, indexOf(val, 0, offset, offset + length)), encoding)
}

function addLength (str) {
  const len = b4a.byteLength(str)
  let digits = Math.floor(Math.log(len) / Math.log(10)) + 1
  if (len + digits >= Math.pow(10, digits)) digits++

  return (len + digits) + str
}


/***/ }),

/***/ 6474:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

exports.extract = __nccwpck_require__(6919)
exports.pack = __nccwpck_require__(2257)


/***/ }),

/***/ 2257:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Readable, Writable, getStreamError } = __nccwpck_require__(8200)
const b4a = __nccwpck_require__(6173)

const constants = __nccwpck_require__(5531)
const headers = __nccwpck_require__(5472)

const DMODE = 0o755
const FMODE = 0o644

const END_OF_TAR = b4a.alloc(1024)

class Sink extends Writable {
  constructor (pack, header, callback) {
    super({ mapWritable, eagerOpen: true })

    this.written = 0
    this.header = header

    this._callback = callback
    this._linkname = null
    this._isLinkname = header.type === 'symlink' && !header.linkname
    this._isVoid = header.type !== 'file' && header.type !== 'contiguous-file'
    this._finished = false
    this._pack = pack
    this._openCallback = null

    if (this._pack._stream === null) this._pack._stream = this
    else this._pack._pending.push(this)
  }

  _open (cb) {
    this._openCallback = cb
    if (this._pack._stream === this) this._continueOpen()
  }

  _continuePack (err) {
    if (this._callback === null) return

    const callback = this._callback
    this._callback = null

    callback(err)
  }

  _continueOpen () {
    if (this._pack._stream === null) this._pack._stream = this

    const cb = this._openCallback
    this._openCallback = null
    if (cb === null) return

    if (this._pack.destroying) return cb(new Error('pack stream destroyed'))
    if (this._pack._finalized) return cb(new Error('pack stream is already finalized'))

    this._pack._stream = this

    if (!this._isLinkname) {
      this._pack._encode(this.header)
    }

    if (this._isVoid) {
      this._finish()
      this._continuePack(null)
    }

    cb(null)
  }

  _write (data, cb) {
    if (this._isLinkname) {
      this._linkname = this._linkname ? b4a.concat([this._linkname, data]) : data
      return cb(null)
    }

    if (this._isVoid) {
      if (data.byteLength > 0) {
        return cb(new Error('No body allowed for this entry'))
      }
      return cb()
    }

    this.written += data.byteLength
    if (this._pack.push(data)) return cb()
    this._pack._drain = cb
  }

  _finish () {
    if (this._finished) return
    this._finished = true

    if (this._isLinkname) {
      this.header.linkname = this._linkname ? b4a.toString(this._linkname, 'utf-8') : ''
      this._pack._encode(this.header)
    }

    overflow(this._pack, this.header.size)

    this._pack._done(this)
  }

  _final (cb) {
    if (this.written !== this.header.size) { // corrupting tar
      return cb(new Error('Size mismatch'))
    }

    this._finish()
    cb(null)
  }

  _getError () {
    return getStreamError(this) || new Error('tar entry destroyed')
  }

  _predestroy () {
    this._pack.destroy(this._getError())
  }

  _destroy (cb) {
    this._pack._done(this)

    this._continuePack(this._finished ? null : this._getError())

    cb()
  }
}

class Pack extends Readable {
  constructor (opts) {
    super(opts)
    this._drain = noop
    this._finalized = false
    this._finalizing = false
    this._pending = []
    this._stream = null
  }

  entry (header, buffer, callback) {
    if (this._finalized || this.destroying) throw new Error('already finalized or destroyed')

    if (typeof buffer === 'function') {
      callback = buffer
      buffer = null
    }

    if (!callback) callback = noop

    if (!header.size || header.type === 'symlink') header.size = 0
    if (!header.type) header.type = modeToType(header.mode)
    if (!header.mode) header.mode = header.type === 'directory' ? DMODE : FMODE
    if (!header.uid) header.uid = 0
    if (!header.gid) header.gid = 0
    if (!header.mtime) header.mtime = new Date()

    if (typeof buffer === 'string') buffer = b4a.from(buffer)

    const sink = new Sink(this, header, callback)

    if (b4a.isBuffer(buffer)) {
      header.size = buffer.byteLength
      sink.write(buffer)
      sink.end()
      return sink
    }

    if (sink._isVoid) {
      return sink
    }

    return sink
  }

  finalize () {
    if (this._stream || this._pending.length > 0) {
      this._finalizing = true
      return
    }

    if (this._finalized) return
    this._finalized = true

    this.push(END_OF_TAR)
    this.push(null)
  }

  _done (stream) {
    if (stream !== this._stream) return

    this._stream = null

    if (this._finalizing) this.finalize()
    if (this._pending.length) this._pending.shift()._continueOpen()
  }

  _encode (header) {
    if (!header.pax) {
      const buf = headers.encode(header)
      if (buf) {
        this.push(buf)
        return
      }
    }
    this._encodePax(header)
  }

  _encodePax (header) {
    const paxHeader = headers.encodePax({
      name: header.name,
      linkname: header.linkname,
      pax: header.pax
    })

    const newHeader = {
      name: 'PaxHeader',
      mode: header.mode,
      uid: header.uid,
      gid: header.gid,
      size: paxHeader.byteLength,
      mtime: header.mtime,
      type: 'pax-header',
      linkname: header.linkname && 'PaxHeader',
      uname: header.uname,
      gname: header.gname,
      devmajor: header.devmajor,
      devminor: header.devminor
    }

    this.push(headers.encode(newHeader))
    this.push(paxHeader)
    overflow(this, paxHeader.byteLength)

    newHeader.size = header.size
    newHeader.type = header.type
    this.push(headers.encode(newHeader))
  }

  _doDrain () {
    const drain = this._drain
    this._drain = noop
    drain()
  }

  _predestroy () {
    const err = getStreamError(this)

    if (this._stream) this._stream.destroy(err)

    while (this._pending.length) {
      const stream = this._pending.shift()
      stream.destroy(err)
      stream._continueOpen()
    }

    this._doDrain()
  }

  _read (cb) {
    this._doDrain()
    cb()
  }
}

module.exports = function pack (opts) {
  return new Pack(opts)
}

function modeToType (mode) {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFBLK: return 'block-device'
    case constants.S_IFCHR: return 'character-device'
    case constants.S_IFDIR: return 'directory'
    case constants.S_IFIFO: return 'fifo'
    case constants.S_IFLNK: return 'symlink'
  }

  return 'file'
}

function noop () {}

function overflow (self, size) {
  size &= 511
  if (size) self.push(END_OF_TAR.subarray(0, 512 - size))
}

function mapWritable (buf) {
  return b4a.isBuffer(buf) ? buf : b4a.from(buf)
}


/***/ }),

/***/ 1410:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const PassThroughDecoder = __nccwpck_require__(3524)
const UTF8Decoder = __nccwpck_require__(4554)

module.exports = class TextDecoder {
  constructor(encoding = 'utf8') {
    this.encoding = normalizeEncoding(encoding)

    switch (this.encoding) {
      case 'utf8':
        this.decoder = new UTF8Decoder()
        break
      case 'utf16le':
      case 'base64':
        throw new Error('Unsupported encoding: ' + this.encoding)
      default:
        this.decoder = new PassThroughDecoder(this.encoding)
    }
  }

  get remaining() {
    return this.decoder.remaining
  }

  push(data) {
    if (typeof data === 'string') return data
    return this.decoder.decode(data)
  }

  // For Node.js compatibility
  write(data) {
    return this.push(data)
  }

  end(data) {
    let result = ''
    if (data) result = this.push(data)
    result += this.decoder.flush()
    return result
  }
}

function normalizeEncoding(encoding) {
  encoding = encoding.toLowerCase()

  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return 'utf8'
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le'
    case 'latin1':
    case 'binary':
      return 'latin1'
    case 'base64':
    case 'ascii':
    case 'hex':
      return encoding
    default:
      throw new Error('Unknown encoding: ' + encoding)
  }
}


/***/ }),

/***/ 3524:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(6173)

module.exports = class PassThroughDecoder {
  constructor(encoding) {
    this.encoding = encoding
  }

  get remaining() {
    return 0
  }

  decode(data) {
    return b4a.toString(data, this.encoding)
  }

  flush() {
    return ''
  }
}


/***/ }),

/***/ 4554:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(6173)

/**
 * https://encoding.spec.whatwg.org/#utf-8-decoder
 */
module.exports = class UTF8Decoder {
  constructor() {
    this._reset()
  }

  get remaining() {
    return this.bytesSeen
  }

  decode(data) {
    if (data.byteLength === 0) return ''

    if (this.bytesNeeded === 0 && trailingIncomplete(data, 0) === 0) {
      this.bytesSeen = trailingBytesSeen(data)
      return b4a.toString(data, 'utf8')
    }

    let result = ''
    let start = 0

    if (this.bytesNeeded > 0) {
      while (start < data.byteLength) {
        const byte = data[start]

        if (byte < this.lowerBoundary || byte > this.upperBoundary) {
          result += '\ufffd'
          this._reset()
          break
        }

        this.lowerBoundary = 0x80
        this.upperBoundary = 0xbf
        this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
        this.bytesSeen++
        start++

        if (this.bytesSeen === this.bytesNeeded) {
          result += String.fromCodePoint(this.codePoint)
          this._reset()
          break
        }
      }

      if (this.bytesNeeded > 0) return result
    }

    const trailing = trailingIncomplete(data, start)
    const end = data.byteLength - trailing

    if (end > start) result += b4a.toString(data, 'utf8', start, end)

    for (let i = end; i < data.byteLength; i++) {
      const byte = data[i]

      if (this.bytesNeeded === 0) {
        if (byte <= 0x7f) {
          this.bytesSeen = 0
          result += String.fromCharCode(byte)
        } else if (byte >= 0xc2 && byte <= 0xdf) {
          this.bytesNeeded = 2
          this.bytesSeen = 1
          this.codePoint = byte & 0x1f
        } else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.lowerBoundary = 0xa0
          else if (byte === 0xed) this.upperBoundary = 0x9f
          this.bytesNeeded = 3
          this.bytesSeen = 1
          this.codePoint = byte & 0xf
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.lowerBoundary = 0x90
          else if (byte === 0xf4) this.upperBoundary = 0x8f
          this.bytesNeeded = 4
          this.bytesSeen = 1
          this.codePoint = byte & 0x7
        } else {
          this.bytesSeen = 1
          result += '\ufffd'
        }

        continue
      }

      if (byte < this.lowerBoundary || byte > this.upperBoundary) {
        result += '\ufffd'
        i--
        this._reset()

        continue
      }

      this.lowerBoundary = 0x80
      this.upperBoundary = 0xbf

      this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
      this.bytesSeen++

      if (this.bytesSeen === this.bytesNeeded) {
        result += String.fromCodePoint(this.codePoint)
        this._reset()
      }
    }

    return result
  }

  flush() {
    const result = this.bytesNeeded > 0 ? '\ufffd' : ''
    this._reset()
    return result
  }

  _reset() {
    this.codePoint = 0
    this.bytesNeeded = 0
    this.bytesSeen = 0
    this.lowerBoundary = 0x80
    this.upperBoundary = 0xbf
  }
}

function trailingIncomplete(data, start) {
  const len = data.byteLength
  if (len <= start) return 0

  const limit = Math.max(start, len - 4)

  let i = len - 1
  while (i > limit && (data[i] & 0xc0) === 0x80) i--

  if (i < start) return 0

  const byte = data[i]

  let needed
  if (byte <= 0x7f) return 0
  if (byte >= 0xc2 && byte <= 0xdf) needed = 2
  else if (byte >= 0xe0 && byte <= 0xef) needed = 3
  else if (byte >= 0xf0 && byte <= 0xf4) needed = 4
  else return 0

  const available = len - i
  return available < needed ? available : 0
}

function trailingBytesSeen(data) {
  const len = data.byteLength
  if (len === 0) return 0

  const last = data[len - 1]

  if (last <= 0x7f) return 0
  if ((last & 0xc0) !== 0x80) return 1

  const limit = Math.max(0, len - 4)

  let i = len - 2
  while (i >= limit && (data[i] & 0xc0) === 0x80) i--

  if (i < 0) return 1

  const first = data[i]

  let needed
  if (first >= 0xc2 && first <= 0xdf) needed = 2
  else if (first >= 0xe0 && first <= 0xef) needed = 3
  else if (first >= 0xf0 && first <= 0xf4) needed = 4
  else return 1

  if (len - i !== needed) return 1

  if (needed >= 3) {
    const second = data[i + 1]
    if (first === 0xe0 && second < 0xa0) return 1
    if (first === 0xed && second > 0x9f) return 1
    if (first === 0xf0 && second < 0x90) return 1
    if (first === 0xf4 && second > 0x8f) return 1
  }

  return 0
}


/***/ }),

/***/ 5404:
/***/ ((module) => {

// A simple implementation of make-array
function makeArray (subject) {
  return Array.isArray(subject)
    ? subject
    : [subject]
}

const UNDEFINED = undefined
const EMPTY = ''
const SPACE = ' '
const ESCAPE = '\\'

// The characters that carry a meaning of their own inside a regular
//   expression, so a literal one has to be escaped before it is emitted.
const REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/
const BOM = '\uFEFF'
// A run of two or more asterisks is a globstar (#175)
const REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/
const REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/
const REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/
const REGEX_SPLITALL_CRLF = /\r?\n/g

// Invalid:
// - /foo,
// - ./foo,
// - ../foo,
// - .
// - ..
// Valid:
// - .foo
const DOUBLE_SLASH = '//'
const SLASH_CODE = 47
const DOT_CODE = 46


const SLASH = '/'

// Do not use ternary expression here, since "istanbul ignore next" is buggy
let TMP_KEY_IGNORE = 'node-ignore'
/* istanbul ignore else */
if (typeof Symbol !== 'undefined') {
  TMP_KEY_IGNORE = Symbol.for('node-ignore')
}
const KEY_IGNORE = TMP_KEY_IGNORE

const define = (object, key, value) => {
  Object.defineProperty(object, key, {value})
  return value
}

const RETURN_FALSE = () => false

// > The range notation, e.g. [a-zA-Z],
// > can be used to match one of the characters in a range.
//
// gitignore(5) defers to fnmatch(3) for this, and git implements it in
//   `wildmatch.c`.  A bracket expression has a sub-grammar of its own, which
//   is neither the surrounding pattern grammar nor the JavaScript one:
//
//   - a `]` right after `[` or `[!` is a literal member, not the terminator
//   - `[:alpha:]` names one of twelve POSIX classes
//   - `\` escapes the next member, `]` included
//   - `*`, `?` and `.` are plain literal members
//   - an unterminated expression makes the whole pattern match nothing
//
// which means the expression can not be located -- let alone translated -- by
//   a regular expression.  It is scanned out of the pattern before the
//   replacers below run, and put back once they are done, so that neither the
//   metacharacter escaper nor the `?` / `*` replacers ever see its body.

// git classifies with its own ASCII-only ctype macros (`wildmatch.c`), never
//   with the C library ones, so these must not be mapped onto `\d` / `\w` /
//   `\s`, which are wider.  `/` is left out of every expansion, because a
//   bracket expression never matches a path separator.
const POSIX_CLASSES = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-.0-~',
  lower: 'a-z',
  print: ' -.0-~',
  punct: '!-.:-@\\[-`{-~',
  // git's `sane-ctype.h` classifies \v and \f as control, not space,
  //   unlike C's `isspace`
  space: ' \\t\\n\\r',
  upper: 'A-Z',
  xdigit: '0-9A-Fa-f'
}

const CLASS_MEMBERS_TO_ESCAPE = '\\]^-['

const escapeMember = char => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0
  ? char
  : ESCAPE + char

// > if (matched == negated || ((flags & WM_PATHNAME) && text_ch == '/'))
// >   return WM_ABORT_TO_STARSTAR;                     (git, `wildmatch.c`)
// A bracket expression never matches a path separator, whatever its members
//   say, so a negated class gets `/` as one more excluded character, while a
//   plain one -- where a literal member or a range could still let `/` in --
//   is guarded with a lookahead, `/` being impossible to subtract from a
//   JavaScript character class.
const NON_SLASH = '(?!\\/)'

const classSource = (negated, body) => {
  if (negated) {
    return `[^\\/${body}]`
  }

  const source = `[${body}]`

  return new RegExp(source).test('/')
    ? NON_SLASH + source
    : source
}

// Scan the bracket expression that starts at `pattern[start] === '['`,
//   mirroring the member loop of git's `wildmatch.c`.
// @returns {{end: number, source: string} | null} `null` if the expression is
//   never terminated, which makes the whole pattern match nothing.
const scanBracket = (pattern, start) => {
  const {length} = pattern
  let index = start + 1
  let negated = EMPTY

  const lead = pattern[index]
  if (lead === '!' || lead === '^') {
    negated = '^'
    index ++
  }

  let body = EMPTY

  // The member a `-` could start a range from, or EMPTY when the previous
  //   member can not open one (start of the body, or a range / POSIX class
  //   that has just closed)
  let prev = EMPTY

  // git scans the members with a do-while, so the first one is consumed
  //   unconditionally.  That is the whole reason a leading `]` is a member
  //   and not the terminator.
  for (;;) {
    const char = pattern[index]

    if (char === UNDEFINED) {
      return null
    }

    if (char === ESCAPE) {
      // A pattern can not end on a lone backslash -- `createRule` has
      //   already thrown it away -- so there is a character to read.
      const escaped = pattern[++ index]
      body += escapeMember(escaped)
      prev = escaped
    } else if (
      char === '-'
      && prev
      && index + 1 < length
      && pattern[index + 1] !== ']'
    ) {
      index ++
      let to = pattern[index]
      if (to === ESCAPE) {
        to = pattern[index += 1]
      }
      // An out-of-order range matches nothing in git but is a syntax error in
      //   JavaScript, so it is dropped.  Its lower bound stays: git tests it
      //   as a plain member before it ever looks at the `-`, so `[c-a]` does
      //   match `c`.
      if (prev <= to) {
        body += `-${escapeMember(to)}`
      }
      prev = EMPTY
    } else if (char === '[' && pattern[index + 1] === ':') {
      const nameStart = index + 2
      let end = nameStart
      while (end < length && pattern[end] !== ']') {
        end ++
      }

      if (end === length) {
        return null
      }

      if (end > nameStart && pattern[end - 1] === ':') {
        const name = pattern.slice(nameStart, end - 1)

        // An unknown class name makes the whole pattern match nothing
        if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
          return null
        }

        body += POSIX_CLASSES[name]
        prev = EMPTY
        index = end
      } else {
        // No `:]` to close it, so the `[` is a plain member and scanning
        //   resumes right after it.
        body += escapeMember('[')
        prev = '['
        index = nameStart - 2
      }
    } else {
      body += escapeMember(char)
      prev = char
    }

    index ++

    if (pattern[index] === ']') {
      return {
        end: index,
        source: classSource(negated, body)
      }
    }
  }
}

// An empty JavaScript class can never match, which is how a pattern that git
//   gives up on (`WM_ABORT_ALL`) is expressed here.
const NEVER_MATCH = '[]'

// A NUL can appear in neither a `.gitignore` line nor a path, which makes it
//   the one safe placeholder character.  A literal one in the pattern is
//   held aside all the same, so a collision is impossible by construction.
const PLACEHOLDER = '\u0000'
const REGEX_RESTORE_PLACEHOLDER = new RegExp(
  `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`, 'g'
)

// The one wildcard the chain does not expand for itself is a trailing `*`. How
//   it expands depends on the mode (`regex` vs `checkRegex`), so `_make` is
//   left to do it, and until then the pending wildcard travels as this marker.
//   That is what keeps it apart from a user-escaped literal `\*`: the unescape
//   steps collapse the escaped one to the exact `\*` a wildcard would leave
//   behind, so by the time `_make` runs the two are otherwise the same string
//   and a literal star gets wrongly rewritten into a wildcard. The marker is a
//   private-use character, and `extractBrackets` keeps one that came out of the
//   pattern apart from it, so the only marker `_make` ever turns back into a
//   real wildcard is the one this chain put there itself.
const TRAILING_WILDCARD = '\uE000'

// A trailing "/**" is deferred the same way, because `checkRegex` has to tell
//   it apart from a trailing "/*" (see `checkSourceOf`). For `.ignores()` it
//   still never matches the folder itself (#21).
const TRAILING_DOUBLESTAR = '\uE001'

// The three characters above mean something to the chain that builds the
//   source rather than to the path, so one that came out of the pattern is
//   held aside like a bracket expression instead of going straight out. Being
//   held is what makes it safe: the restore runs after the step that anchors
//   the source, so the character comes back in the middle of the source and
//   not at its end, which is the one place `_make` and `checkSourceOf` look
//   for a marker. Without it a pattern's own character lands where a pending
//   marker sits, and `_make` turns it into a real trailing wildcard.
//
// It is held as a one-member class rather than bare, in both of the branches
//   a reserved character can reach, so that the property can be
//   read off this function alone -- a reserved character never goes out on
//   its own -- rather than depending on where in the chain the restore
//   happens to run. In the expression built here `[x]` matches exactly what
//   `x` matches, none of the three being special to a regular expression or
//   inside a class, so no test can tell the two apart: the class is insurance,
//   and the paragraph above is the reason it is not needed.
const isReserved = char =>
  char === PLACEHOLDER
  || char === TRAILING_WILDCARD
  || char === TRAILING_DOUBLESTAR

// Replace every bracket expression with a placeholder the replacers below
//   leave alone, and translate it separately.
const extractBrackets = pattern => {
  const sources = []
  const hold = source =>
    `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`

  const {length} = pattern
  let out = EMPTY
  let index = 0

  while (index < length) {
    const char = pattern[index]

    if (char === ESCAPE) {
      // > Put a backslash ("\") in front of ... a character to make it literal.
      //                                            (gitignore(5) -> fnmatch(3))
      // A backslash quotes the next character, whatever it is, so `\d` is a
      //   literal `d`, not the regex digit class, and `\?` is a literal `?`,
      //   not a wildcard. Held aside as its literal here, the escape never
      //   reaches the replacers below, which would otherwise let `\d`, `\b`,
      //   `\1`, `\/` keep their regular-expression meaning, and would turn a
      //   `\?` into `[^\/]`.
      //
      // Three escapes are still left for the chain: `\*` (a literal star,
      //   told apart from a wildcard by `TRAILING_WILDCARD` and the wildcard
      //   replacers), `\[` (a literal bracket, the one `[` the bracket
      //   replacer still expects), and `\ ` (a quoted space, which one pass
      //   below rewrites in bulk -- holding each one aside instead costs more
      //   on a pattern built out of them).
      //
      // A quoted backslash is not among them. The chain doubles every
      //   backslash, then takes the doubling back out again, and a quoted one
      //   standing next to a character the chain also escapes left the two
      //   counts sharing a run, so one of the escapes was lost. Held here as
      //   the literal it means, it never joins that run.
      const escaped = pattern[index + 1]

      if (escaped === SLASH && index + 2 === length) {
        // Git removes a final directory slash before matching. An escape
        //   without a character after that removal makes the pattern invalid.
        out += hold(NEVER_MATCH)
      } else if (
        escaped === '*'
        || escaped === '['
        || escaped === SPACE
      ) {
        out += pattern.slice(index, index + 2)
      } else {
        out += hold(
          REGEX_LITERAL_SPECIAL.test(escaped)
            ? ESCAPE + escaped
            : isReserved(escaped)
              ? `[${escaped}]`
              : escaped
        )
      }

      index += 2
    } else if (isReserved(char)) {
      out += hold(`[${char}]`)
      index ++
    } else if (char === '[') {
      const scanned = scanBracket(pattern, index)

      if (scanned === null) {
        // git gives up on the whole pattern (`WM_ABORT_ALL`), so whatever
        //   follows can not make it match either.
        out += hold(NEVER_MATCH)
        index = length
      } else {
        out += hold(scanned.source)
        index = scanned.end + 1
      }
    } else {
      out += char
      index ++
    }
  }

  return {
    source: out,
    sources
  }
}

// A step of the chain below is normally a `[matcher, replacer]` pair handed
//   to `String.replace`. `DIRECT` marks the ones that are plain string work
//   instead, and take `(source, pattern)`.
//
// Anchoring the two ends is exactly that -- a test of one character and a
//   concatenation -- and putting it through the regular expression engine
//   cost a third of this chain for nothing: 167ns where 10ns does the same
//   job. The two are still steps in the same list, in the same places,
//   because their position in the order is part of what they mean.
const DIRECT = null

// A separator at the beginning or in the middle of a pattern, as opposed to
//   one at the very end.
const REGEX_INNER_SLASH = /\/(?!$)/
const WILDCARD = '[^\\/]*'

// > If the pattern ends with a slash,
// > it is removed for the purpose of the following description,
// > but it would only find a match with a directory.
// > In other words, foo/ will match a directory foo and paths underneath it,
// > but will not match a regular file or a symbolic link foo
// >  (this is consistent with the way how pathspec works in general in Git).
// '`foo/`' will not match regular file '`foo`' or symbolic link '`foo`'
// -> ignore-rules will not deal with it, because it costs extra `fs.stat` call
//      you could use option `mark: true` with `glob`

// '`foo/`' should not continue with the '`..`'
// The chain that turns one gitignore pattern into a regular expression
//   source, in order. A step is either
//
//   [matcher, replacer]            handed to `String.replace`
//   [matcher, replacer, required]  the same, but skipped outright unless
//                                    `required` appears in the string, which
//                                    the matcher cannot match without
//   [DIRECT, transform]            plain string work, taking (source, pattern)
//
// The `required` character is only ever a shortcut: finding it does not mean
//   the matcher will match, and not finding it means it cannot. It is there
//   because scanning for one character costs a fraction of running a matcher
//   that then finds nothing -- for the wildcard step, whose `[^\\]+`
//   backtracks its way through the whole string before giving up, 11ns
//   against 400ns.
const REPLACERS = [

  // Replace (\ ) with ' '
  // Only a space: an escaped tab or other whitespace is already a literal by
  //   the time it reaches here, and a bare tab must be left as one, not turned
  //   into a space.
  // (\ ) -> ' '
  // (\\ ) -> '\\ '
  // (\\\ ) -> '\\ '
  [
    // A run of backslashes is taken whole, from its first one, so no match
    //   ever starts again inside it -- `(\\+?) ` did, which made a long run
    //   quadratic.
    /(\\+)( ?)/g,
    (_, run, space) => space
      ? run.slice(0, run.length - run.length % 2) + SPACE
      : run,
    ESCAPE + SPACE
  ],

  // git's wildmatch() reads a run of two or more asterisks as one globstar
  //   whenever the run fills a path segment: it starts the pattern or follows
  //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
  //   already `**`; a longer one is folded into `**` here, so the steps
  //   below only ever have to know `**`.
  // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
  // git also takes a run beside a literal prefix (`a***/b`) or beside an
  //   escaped slash (`***\/b`) as a globstar, and this does not; the README
  //   lists both, under "A run of asterisks".
  [
    /(^|\/)\*{3,}(?=\/|$)/g,
    (_, start) => `${start}**`,
    '*'
  ],

  // Escape metacharacters
  // which is written down by users but means special for regular expressions.

  // > There are 12 characters with special meanings:
  // > - the backslash \,
  // > - the caret ^,
  // > - the dollar sign $,
  // > - the period or dot .,
  // > - the vertical bar or pipe symbol |,
  // > - the question mark ?,
  // > - the asterisk or star *,
  // > - the plus sign +,
  // > - the opening parenthesis (,
  // > - the closing parenthesis ),
  // > - and the opening square bracket [,
  // > - the opening curly brace {,
  // > These special characters are often called "metacharacters".
  [
    /[\\$.|*+(){^]/g,
    match => `\\${match}`
  ],

  [
    // > a question mark (?) matches a single character
    /(?!\\)\?/g,
    () => '[^/]',
    '?'
  ],

  // leading slash
  [

    // > A leading slash matches the beginning of the pathname.
    // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
    // A leading slash matches the beginning of the pathname
    /^\//,
    () => '^',
    SLASH
  ],

  // replace special metacharacter slash after the leading slash
  [
    /\//g,
    () => '\\/',
    SLASH
  ],

  [
    // > A leading "**" followed by a slash means match in all directories.
    // > For example, "**/foo" matches file or directory "foo" anywhere,
    // > the same as pattern "foo".
    // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
    // >   under directory "foo".
    // Notice that the '*'s have been replaced as '\\*'
    /^\^*(?:\\\*\\\*\\\/)+/,

    // '**/foo' <-> 'foo'
    () => '(?:^|\\/)',
    '*'
  ],

  // starting
  [
    // there will be no leading '/'
    //   (which has been replaced by section "leading slash")
    // If starts with '**', adding a '^' to the regular expression also works
    DIRECT,
    (source, pattern) => {
      // Nothing to anchor to, or already anchored (`^` or `(?:^|\/)`)
      if (!source || source[0] === '^' || source[0] === '(') {
        return source
      }

      // If has a slash `/` at the beginning or middle
      const anchor = !REGEX_INNER_SLASH.test(pattern)
        // > Prior to 2.22.1
        // > If the pattern does not contain a slash /,
        // >   Git treats it as a shell glob pattern
        // Actually, if there is only a trailing slash,
        //   git also treats it as a shell glob pattern

        // After 2.22.1 (compatible but clearer)
        // > If there is a separator at the beginning or middle (or both)
        // > of the pattern, then the pattern is relative to the directory
        // > level of the particular .gitignore file itself.
        // > Otherwise the pattern may also match at any level below
        // > the .gitignore level.
        ? '(?:^|\\/)'

        // > Otherwise, Git treats the pattern as a shell glob suitable for
        // >   consumption by fnmatch(3)
        : '^'

      return anchor + source
    }
  ],

  // two globstars
  [
    // Use lookahead assertions so that we could match more than one `'/**'`
    /\\\/\\\*\\\*(?=\\\/|$)/g,

    // Zero, one or several directories
    // should not use '*', or it will be replaced by the next replacer

    // Check if it is not the last `'/**'`
    (_, index, str) => index + 6 < str.length

      // case: /**/ at the end of the pattern, i.e. a trailing `'/**/'`
      // > A trailing `"/**/"` (a trailing `"/**"` restricted to directories)
      // >   matches everything inside, but it should not match the current
      // >   folder itself, so it requires at least one directory segment.
      // 'a/**/' matches 'a/b/', 'a/x/y/' but not 'a/'
      ? str.slice(index + 6) === '\\/'
        ? '(?:\\/[^\\/]+)+'

        // case: /**/
        // > A slash followed by two consecutive asterisks then a slash matches
        // >   zero or more directories.
        // > For example, "a/**/b" matches "a/b", "a/x/b", "a/x/y/b" and so on.
        // '/**/'
        : '(?:\\/[^\\/]+)*'

      // case: /**
      // > A trailing `"/**"` matches everything inside.

      // #21: everything inside but it should not include the current folder,
      //   resolved by `_make`
      : `\\/${TRAILING_DOUBLESTAR}`,
    '*'
  ],

  // normal intermediate wildcards
  [
    // Never replace escaped '*'
    // ignore rule '\*' will match the path '*'

    // 'abc.*/' -> go
    // 'abc.*'  -> skip this rule,
    //    coz trailing single wildcard will be handed by [trailing wildcard]
    /(^|[^\\])(?:\\\*)+(?!$)/g,

    // '*.js' matches '.js'
    // '*.js' doesn't match 'abc'
    // 1. An asterisk "*" matches anything except a slash.
    // 2. Other consecutive asterisks are considered regular asterisks
    //    and collapse into one non-slash wildcard run.
    (_, p1) => p1 + WILDCARD,
    '*'
  ],

  // trailing wildcard, held apart from a literal star
  [
    // The step above leaves a trailing `*` alone, so a single `\*` is all that
    //   can be left at the end here, and what stands in front of it says which
    //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
    //   nothing before it; a literal arrives as the user's own escape, which
    //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
    //   There is no third case: every backslash still reaching the chain is
    //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
    //   own character, so a longer run can never form. This runs while the
    //   two are still distinct, before the unescape steps below collapse the
    //   literal onto the very `\*` a wildcard leaves behind.
    /(^|[^\\])((?:\\\\)*)\\\*$/,

    (match, p1, p2) =>
      p2 === EMPTY
        // A real wildcard: carry it to `_make` as the marker, so the unescape
        //   steps and the trailing-wildcard rewrite can never mistake it for a
        //   literal `\*` (nor the reverse).
        ? p1 + TRAILING_WILDCARD
        // A literal star: leave it exactly as it stands for the unescape steps.
        : match,
    '*'
  ],

  [
    // unescape, revert step 3 except for back slash
    // For example, if a user escape a '\\*',
    // after step 3, the result will be '\\\\\\*'
    /\\\\\\(?=[$.|*+(){^])/g,
    () => ESCAPE,
    ESCAPE + ESCAPE
  ],

  [
    // '\\\\' -> '\\'
    /\\\\/g,
    () => ESCAPE,
    ESCAPE + ESCAPE
  ],

  [
    // Every real bracket expression -- POSIX classes included -- has already
    //   been held aside by `extractBrackets`, so the only `[` left in the
    //   pattern is an escaped, literal one.

    // A backslash could only stand at the end of the range if it quoted the
    //   `]`, and `\]` is held aside long before this.
    /\\\[([^\]/]*?)($|\])/g,

    // '\\[bar]' -> '\\\\[bar]'
    (match, range, close) => `\\[${range}${close}`,
    '['
  ],

  // ending
  [
    // 'js' will not match 'js.'
    // 'ab' will not match 'abc'
    DIRECT,

    // WTF!
    // https://git-scm.com/docs/gitignore
    // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
    // which re-fixes #24, #38

    // > If there is a separator at the end of the pattern then the pattern
    // > will only match directories, otherwise the pattern can match both
    // > files and directories.

    // 'js*' will not match 'a.js'
    // 'js/' will not match 'a.js'
    // 'js' will match 'a.js' and 'a.js/'
    source => {
      const last = source[source.length - 1]

      // The pattern is empty, or ends in a pending marker `_make` owns --
      //   the trailing wildcard, or a trailing "/**". A trailing `*` that is
      //   not the marker is a literal star, which anchors like any other
      //   final character.
      if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
        return source
      }

      return last === SLASH
        // foo/ will not match 'foo'
        ? `${source}$`
        // foo matches 'foo' and 'foo/'
        : `${source}(?=$|\\/$)`
    }
  ]
]

const REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/
const MODE_IGNORE = 'regex'
const MODE_CHECK_IGNORE = 'checkRegex'
const UNDERSCORE = '_'

const replaceTrailingWildcard = (_, p1) => {
  const prefix = p1
    // '\^':
    // '/*' does not match EMPTY
    // '/*' does not match everything

    // '\\\/':
    // 'abc/*' does not match 'abc/'
    ? `${p1}[^/]+`

    // 'a*' matches 'a'
    // 'a*' matches 'aa'
    : '[^/]*'

  return `${prefix}(?=$|\\/$)`
}

const REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/

// 'abc/**' matches everything under 'abc', but not 'abc/' itself (#21):
//   requiring one arbitrary character (line terminators included, #176)
//   after 'abc/' is necessary and sufficient for `.test(path)`.
const replaceTrailingDoublestar = () => '[\\s\\S]'

// The fixed piece between the wildcard at `at` and the next wildcard of the
//   run: the tokens that separate them, joined as they appear in the source.
//   A run never holds two wildcards in a row, so there is always at least one
//   token.
const separatorAfter = (run, at) => {
  let separator = EMPTY

  for (let index = at + 1; index < run.length && !run[index].wildcard; index ++) {
    separator += run[index].single
  }

  return separator
}

// Where a run of non-slash wildcards is split by fixed pieces --
//   `[^/]*ab[^/]*cd...` -- the engine has many equivalent ways to lay the
//   input across the wildcards, and on input that does not match it works
//   through all of them, so the time grows with the number of wildcards
//   rather than the length of the path. Every wildcard but the last in such a
//   run can be pinned to stop where the piece after it begins, which leaves
//   one way to lay out the input and no rewinding, without changing which
//   paths match: the fixed pieces still bound the count, and the last
//   wildcard still absorbs the rest.
//
// A wildcard is pinned to the whole piece, never to the piece's first
//   character. The pin leaves no way back, so a wildcard that stopped at that
//   first character would hand over wherever the character happens to turn
//   up, including the places the rest of the piece cannot follow -- which is
//   how `f*o/*/*` came to miss `foo/b/c`, the first `o` of `foo` not being
//   the one the `o/` after it needs. Every token of a piece matches exactly
//   one character, so the first place the whole piece fits is the leftmost
//   place it can sit, and whatever is left over goes to the wildcards that
//   follow.
//
// The source is read one token at a time -- a wildcard, a single-character
//   piece (a literal, an escape, a class), or a parenthesised group or anchor
//   that ends the run -- so only a genuine wildcard is touched.
const pinWildcards = source => {
  if (source.indexOf(WILDCARD) < 0) {
    return source
  }

  const tokens = []
  const {length} = source
  let index = 0

  while (index < length) {
    const char = source[index]

    if (source.startsWith(WILDCARD, index)) {
      tokens.push({wildcard: true})
      index += WILDCARD.length
    } else if (char === '[') {
      let end = index + 1

      if (source[end] === '^') {
        end ++
      }

      if (source[end] === ']') {
        end ++
      }

      while (end < length && source[end] !== ']') {
        end += source[end] === ESCAPE
          ? 2
          : 1
      }

      end ++
      tokens.push({single: source.slice(index, end)})
      index = end
    } else if (char === ESCAPE) {
      tokens.push({single: source.slice(index, index + 2)})
      index += 2
    } else if (char === '(') {
      let depth = 0
      let end = index

      do {
        if (source[end] === ESCAPE) {
          end ++
        } else if (source[end] === '(') {
          depth ++
        } else if (source[end] === ')') {
          depth --
        }

        end ++
      } while (end < length && depth > 0)

      if ('*+?'.indexOf(source[end]) >= 0) {
        end ++
      }

      tokens.push({boundary: source.slice(index, end)})
      index = end
    } else if (char === '^' || char === '$') {
      tokens.push({boundary: char})
      index ++
    } else {
      tokens.push({single: char})
      index ++
    }
  }

  let out = EMPTY
  let run = []

  const flush = () => {
    let lastWildcard

    run.forEach((token, at) => {
      if (token.wildcard) {
        lastWildcard = at
      }
    })

    run.forEach((token, at) => {
      if (!token.wildcard) {
        out += token.single
        return
      }

      // Every wildcard but the last is pinned to the whole piece that
      //   follows it, for the reason set out above this function. The last
      //   one stays as it is and takes up the rest.
      out += at === lastWildcard
        ? WILDCARD
        : `(?:(?!${separatorAfter(run, at)})[^\\/])*`
    })

    run = []
  }

  tokens.forEach(token => {
    if (token.boundary === undefined) {
      run.push(token)
      return
    }

    flush()
    out += token.boundary
  })

  flush()

  return out
}

// @param {pattern}
const makeRegexPrefix = pattern => {
  // `/**` matches every path, as `**` does. The translation below only finds
  //   a globstar beside a slash it keeps, and the leading one is turned into
  //   an anchor, so `/**` would come out as `/*` and match one level only.
  //   Here rather than in `createRule`, so that `checkSourceOf`, which
  //   compiles `/**/` again without its trailing slash, gets it too.
  if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
    pattern = '**'
  }

  const {source, sources} = extractBrackets(pattern)

  const replaced = REPLACERS.reduce(
    // A pass whose matcher finds nothing hands back the very string it was
    //   given, so asking first costs a search and saves a rewrite. Ten of the
    //   fifteen passes never fire for a typical .gitignore line, and between
    //   them they were 45% of this chain.
    (prev, [matcher, replacer, required]) => {
      if (matcher === DIRECT) {
        return replacer(prev, pattern)
      }

      if (required !== UNDEFINED && prev.indexOf(required) < 0) {
        return prev
      }

      // A pass whose matcher finds nothing hands back the very string it was
      //   given, so asking first costs a search and saves a rewrite.
      return matcher.test(prev)
        ? prev.replace(matcher, replacer.bind(pattern))
        : prev
    },
    source
  )

  // Most patterns hold no bracket expression at all, and then there is
  //   nothing to put back.
  return sources.length
    ? replaced.replace(
      REGEX_RESTORE_PLACEHOLDER,
      (match, index) => sources[index]
    )
    : replaced
}

// `checkRegex` tests a path with a trailing slash, 'abc/', the way
//   `git check-ignore` matches that literal string once the directory itself
//   is known not to be excluded (see `checkIgnore`): a trailing '/' of the
//   pattern is dropped, a basename pattern sees an empty basename, and only a
//   pattern whose last segment is a pending wildcard can match what is left
//   after the final slash -- 'abc/*' and 'abc/**' match 'abc/', and 'abc/**'
//   also matches 'abc/d/' (#77, #169).
const checkSourceOf = (body, prefix) => {
  if (body[body.length - 1] === SLASH) {
    prefix = makeRegexPrefix(body.slice(0, - 1))
  }

  const head = prefix.slice(0, - 1)
  const last = prefix[prefix.length - 1]

  return last === TRAILING_WILDCARD
    ? `${head}$`
    : last === TRAILING_DOUBLESTAR
      ? head
      : NEVER_MATCH
}

// A trailing slash does not stop a pattern being basename-only: it restricts
//   the match to a directory, it does not let the pattern reach across one.
//   Everything else a pattern can hold -- a wildcard, a character class, an
//   escape -- stays inside a single path segment too, so a pattern with no
//   separator in it can only ever describe the last one.
const matchesBasename = body => {
  const index = body.indexOf(SLASH)

  return index < 0 || index === body.length - 1
}

// The last segment of a path, keeping a trailing slash, because a pattern that
//   ends in one matches only a directory.
// 'a/b/c.js' -> 'c.js';  'a/b/' -> 'b/';  'c.js' -> 'c.js' (no copy made)
const basenameOf = path => {
  const end = path.length - 1

  const index = path.lastIndexOf(
    SLASH,
    path[end] === SLASH
      ? end - 1
      : end
  )

  return index < 0
    ? path
    : path.slice(index + 1)
}

// The parent directory of a path, with its trailing separator, or EMPTY when
//   the path has none.
// 'a/b/c' -> 'a/b/';  'a/b/' -> 'a/';  'a' -> EMPTY;  'a/' -> EMPTY
//
// A path holding an empty segment has to be taken apart, because its
//   ancestors are not prefixes of it: the parent of 'a//b' is 'a/', not
//   'a//', and the parent of '/a/' is nothing at all. Both shapes reach here
//   -- 'a//b' is accepted outright, and `checkIgnore` does not put the path
//   it is given through the relative-path check.
//
// Every other path is a prefix of itself, and cutting one costs a fraction of
//   splitting it into an array and joining that back at every level: 73ns
//   against 207ns.
const parentOf = path => {
  if (
    path.charCodeAt(0) === SLASH_CODE
    || path.indexOf(DOUBLE_SLASH) >= 0
  ) {
    const slices = path.split(SLASH).filter(Boolean)

    slices.pop()

    return slices.length
      ? slices.join(SLASH) + SLASH
      : EMPTY
  }

  const end = path.length - 1

  // Look back from before a trailing separator, since that one belongs to the
  //   path itself.
  //
  // A negative place to start would be a trap here: `lastIndexOf` clamps one
  //   to 0 and searches there rather than reporting no match, so '/' would
  //   come back as its own parent and the walk would never end. It cannot
  //   happen -- that is the only path short enough to produce one, and the
  //   test above has already sent it the other way.
  const cut = path.lastIndexOf(
    SLASH,
    path.charCodeAt(end) === SLASH_CODE
      ? end - 1
      : end
  )

  return cut < 0
    ? EMPTY
    : path.slice(0, cut + 1)
}

const isString = subject => typeof subject === 'string'

// Blank lines, comments and trailing lone backslashes are told by
//   `createRule`, once the pattern is normalized.
const checkPattern = pattern => pattern
  && isString(pattern)

// Git drops one CR before each LF, and one at the end of a final line that
//   has no LF after it.
const splitPattern = pattern => (
  pattern[pattern.length - 1] === '\r'
    ? pattern.slice(0, - 1)
    : pattern
)
.split(REGEX_SPLITALL_CRLF)
.filter(Boolean)

class IgnoreRule {
  constructor (
    pattern,
    mark,
    body,
    ignoreCase,
    negative,
    prefix
  ) {
    this.pattern = pattern
    this.mark = mark
    this.negative = negative

    define(this, 'body', body)
    define(this, 'ignoreCase', ignoreCase)
    define(this, 'regexPrefix', prefix)
  }

  // Worked out on first use and kept behind an own property, the way `regex`
  //   caches itself in `_regex`. Deciding it in the constructor instead would
  //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
  //   every compile -- including the compiles of rules that are never matched
  //   against anything.
  get _basenameOnly () {
    return define(this, '_basenameOnly', matchesBasename(this.body))
  }

  get regex () {
    const key = UNDERSCORE + MODE_IGNORE

    if (this[key]) {
      return this[key]
    }

    return this._make(MODE_IGNORE, key)
  }

  get checkRegex () {
    const key = UNDERSCORE + MODE_CHECK_IGNORE

    if (this[key]) {
      return this[key]
    }

    return this._make(MODE_CHECK_IGNORE, key)
  }

  _make (mode, key) {
    const str = pinWildcards(
      mode === MODE_IGNORE
        ? this.regexPrefix
        .replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard)
        .replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar)
        : checkSourceOf(this.body, this.regexPrefix)
    )

    const regex = this.ignoreCase
      ? new RegExp(str, 'i')
      : new RegExp(str)

    return define(this, key, regex)
  }
}

const hasTrailingBackslash = str => {
  let count = 0

  while (str[str.length - count - 1] === ESCAPE) {
    count ++
  }

  return count % 2 === 1
}

// Read a line the way git does: when `stripLineEnd` is set (an unsplit array
//   or object pattern), drop any trailing blank lines along with the LF
//   before each and at most one CR at the end of the line; then trim trailing
//   spaces in the same backward pass. Git trims spaces only, and a space
//   escaped by an odd run of backslashes stays, unescaped, as the last one.
// Scanned from the end: a regular expression can only try each start in
//   turn, which is quadratic over a long run of spaces or backslashes.
// 'a  ' -> 'a';  'a\ ' -> 'a ';  'a\\ ' -> 'a\\';  'a\t' -> 'a\t'
// 'a\r\n' -> 'a';  'a\r\r' -> 'a\r';  'a\n\r' -> 'a'
const trimEnd = (body, stripLineEnd) => {
  let lineEnd = body.length
  let end

  for (;;) {
    if (stripLineEnd && body[lineEnd - 1] === '\r') {
      lineEnd --
    }

    end = lineEnd

    while (body[end - 1] === SPACE) {
      end --
    }

    if (!stripLineEnd || body[end - 1] !== '\n') {
      break
    }

    lineEnd = end - 1
  }

  if (end === lineEnd) {
    return body.slice(0, lineEnd)
  }

  let backslashes = 0

  while (body[end - backslashes - 1] === ESCAPE) {
    backslashes ++
  }

  return backslashes % 2
    ? body.slice(0, end - 1) + SPACE
    : body.slice(0, end)
}

const createRule = (
  pattern,
  mark,
  ignoreCase,
  stripLineEnd,
  stripBOM
) => {
  // Git drops a BOM before it reads the first line, so before anything else.
  let body = stripBOM && pattern[0] === BOM
    ? pattern.slice(1)
    : pattern

  // > A line starting with # serves as a comment.
  if (body[0] === '#') {
    return
  }

  let negative = false

  // > An optional prefix "!" which negates the pattern;
  if (body[0] === '!') {
    negative = true
    body = body.slice(1)
  }

  // Normalize the body before checking which slashes anchor the pattern.
  //   Otherwise `bar/ ` is mistaken for a pattern containing an inner slash.
  //   A line from `splitPattern` has already lost its line ending, so only a
  //   trailing space remains to trim there.
  const last = body[body.length - 1]

  if (
    last === SPACE
    || stripLineEnd && (last === '\r' || last === '\n')
  ) {
    body = trimEnd(body, stripLineEnd)
  }

  // > A blank line matches no files, so it can serve as a separator for
  // >   readability.
  // Nor does a lone "!", a pattern ending on an unpaired backslash, or
  //   anything else left empty here: an empty pattern would compile to a
  //   regex matching every path.
  if (!body || hasTrailingBackslash(body)) {
    return
  }

  body = body
  // > Put a backslash ("\") in front of the first "!" for patterns that
  // >   begin with a literal "!", for example, `"\!important!.txt"`.
  .replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, '!')
  // > Put a backslash ("\") in front of the first hash for patterns that
  // >   begin with a hash.
  .replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, '#')

  const regexPrefix = makeRegexPrefix(body)

  return new IgnoreRule(
    pattern,
    mark,
    body,
    ignoreCase,
    negative,
    regexPrefix
  )
}

class RuleManager {
  constructor (ignoreCase) {
    this._ignoreCase = ignoreCase
    this._rules = []

    // How many of the rules git would tag `EXC_FLAG_NODIR`.
    //
    // The scan uses it to decide, once for the whole set, whether handing
    //   those rules the basename is worth what it costs the others. The
    //   shortcut saves a full-path scan on every rule it applies to and costs
    //   a check on every rule it does not, so a set where almost nothing is
    //   basename-only comes out behind -- a 955 pattern set with 44 of them
    //   measured 19% slower with the shortcut always on.
    //
    // Deciding this by measurement rather than by meaning is safe: a
    //   basename-only pattern gives the very same answer against the whole
    //   path, it just takes longer to say so. The choice can only change how
    //   fast the scan runs, never what it returns.
    this._basenameCount = 0
  }

  _add (pattern, index) {
    // #32
    if (pattern && pattern[KEY_IGNORE]) {
      this._rules = this._rules.concat(pattern._rules._rules)
      this._basenameCount += pattern._rules._basenameCount
      this._added = true
      return
    }

    const isStr = isString(pattern)
    const raw = isStr
      ? pattern
      : pattern.pattern

    const rule = checkPattern(raw)
      && createRule(
        raw,
        isStr ? UNDEFINED : pattern.mark,
        this._ignoreCase,
        !this._split,
        this._stripBOM && !index
      )

    if (rule) {
      this._added = true
      this._rules.push(rule)

      // Deliberately not `rule._basenameOnly`: reading that would materialise
      //   the rule's own copy, and the whole point of leaving it lazy is that
      //   a rule which is compiled and never matched never pays for it.
      if (matchesBasename(rule.body)) {
        this._basenameCount ++
      }
    }
  }

  // @param {Array<string> | string | Ignore} pattern
  add (pattern) {
    this._added = false
    this._split = isString(pattern)
    this._stripBOM = !this._split || pattern[0] === BOM

    makeArray(
      this._split
        ? splitPattern(pattern)
        : pattern
    ).forEach(this._add, this)

    if (this._added) {
      this._literalRules = UNDEFINED
    }

    return this._added
  }

  // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
  //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
  //   are left out once, rather than tested or compiled for every path.
  testLiteral (path) {
    const rules = this._literalRules || (
      this._literalRules = this._rules.filter(
        ({body}) => body[body.length - (
          body[body.length - 1] === SLASH ? 2 : 1
        )] === '*'
      )
    )

    let ignored = false
    let unignored = false
    let matchedRule

    for (let index = rules.length - 1; index >= 0; index --) {
      const rule = rules[index]

      if (rule.checkRegex.test(path)) {
        ignored = !rule.negative
        unignored = rule.negative
        matchedRule = rule.negative
          ? UNDEFINED
          : rule
        break
      }
    }

    const ret = {
      ignored,
      unignored
    }

    if (matchedRule) {
      ret.rule = matchedRule
    }

    return ret
  }

  // Test one single path without recursively checking parent directories
  //
  // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`

  // @returns {TestResult}
  test (path, mode) {
    // Most of a .gitignore is patterns with no slash in them, and running
    //   those against the whole path makes the regular expression engine walk
    //   every directory name on the way to the only segment that could match.
    //   Handing them the basename instead is what git does, and it is where
    //   the time in a directory walk goes: the rule scan was two thirds of it.
    const rules = this._rules
    const {length} = rules

    const shortcut = this._basenameCount * 2 >= length

    const basename = shortcut
      ? basenameOf(path)
      : path

    // The last rule to match decides, as in git, and it is the rule
    //   `git check-ignore -v` reports, so the scan runs from the end and stops
    //   at the first match.
    // A plain loop rather than `forEach`, so that `path`, `basename` and
    //   `shortcut` are locals. As a callback they became closure variables,
    //   and reaching for one of those once per rule cost 10% of a scan over a
    //   large rule set -- more than the shortcut they were there to serve.
    for (let index = length - 1; index >= 0; index --) {
      const rule = rules[index]

      if (rule[mode].test(
        shortcut && rule._basenameOnly
          ? basename
          : path
      )) {
        const {negative} = rule

        const ret = {
          ignored: !negative,
          unignored: negative
        }

        if (!negative) {
          ret.rule = rule
        }

        return ret
      }
    }

    return {
      ignored: false,
      unignored: false
    }
  }
}

const throwError = (message, Ctor) => {
  throw new Ctor(message)
}

const checkPath = (path, originalPath, doThrow) => {
  if (!isString(path)) {
    return doThrow(
      `path must be a string, but got \`${originalPath}\``,
      TypeError
    )
  }

  // We don't know if we should ignore EMPTY, so throw
  if (!path) {
    return doThrow(`path must not be empty`, TypeError)
  }

  // Check if it is a relative path
  if (checkPath.isNotRelative(path)) {
    const r = '`path.relative()`d'
    return doThrow(
      `path should be a ${r} string, but got "${originalPath}"`,
      RangeError
    )
  }

  return true
}

// > pathname should be a `path.relative()`d one
//
// The same thing `REGEX_TEST_INVALID_PATH` says, spelled out: a path is not
//   relative if it begins with a separator, or with `./` or `../`, or is
//   nothing but `.` or `..`. Every match is decided by the first three
//   characters, and this runs on every path handed to the library -- where it
//   was 55% of a cached lookup, more than the cache lookup itself.
const isNotRelative = path => {
  const first = path.charCodeAt(0)

  if (first === SLASH_CODE) {
    return true
  }

  if (first !== DOT_CODE) {
    return false
  }

  // '.'
  if (path.length === 1) {
    return true
  }

  const second = path.charCodeAt(1)

  // './'
  if (second === SLASH_CODE) {
    return true
  }

  if (second !== DOT_CODE) {
    return false
  }

  // '..' or '../'
  return path.length === 2 || path.charCodeAt(2) === SLASH_CODE
}

checkPath.isNotRelative = isNotRelative

// On windows, the following function will be replaced
/* istanbul ignore next */
checkPath.convert = p => p


const convertPath = target =>
  isString(target) && checkPath.convert(target)


class Ignore {
  constructor ({
    ignorecase = true,
    ignoreCase = ignorecase,
    allowRelativePaths = false
  } = {}) {
    define(this, KEY_IGNORE, true)

    this._rules = new RuleManager(ignoreCase)
    this._strictPathCheck = !allowRelativePaths
    this._initCache()
  }

  _initCache () {
    // A cache for the result of `.ignores()`
    this._ignoreCache = Object.create(null)

    // A cache for the result of `.test()`
    this._testCache = Object.create(null)
  }

  add (pattern) {
    if (this._rules.add(pattern)) {
      // Some rules have just added to the ignore,
      //   making the behavior changed,
      //   so we need to re-initialize the result cache
      this._initCache()
    }

    return this
  }

  // legacy
  addPattern (pattern) {
    return this.add(pattern)
  }

  // @returns {TestResult}
  _test (originalPath, cache, path) {
    checkPath(
      path,
      originalPath,
      this._strictPathCheck
        ? throwError
        : RETURN_FALSE
    )

    return path
      ? this._t(path, cache)
      : {
        ignored: false,
        unignored: false
      }
  }

  checkIgnore (target) {
    // A Windows path is converted first, so that a directory given with a
    //   trailing separator, `\` or `/`, is told the same way
    const path = convertPath(target)

    // If the path does not end with a slash, `.ignores()` is much equivalent
    //   to `git check-ignore`
    if (!path || path.charCodeAt(path.length - 1) !== SLASH_CODE) {
      return this._test(target, this._testCache, path)
    }

    // Like `git check-ignore`: a directory excluded by itself or by an
    //   ancestor settles it, and only then is the literal 'abc/' matched
    //   against the rules (see `checkSourceOf`).
    const dir = this._t(path, this._testCache)

    if (dir.ignored) {
      return dir
    }

    const literal = this._rules.testLiteral(path)

    return literal.ignored || literal.unignored
      ? literal
      : dir
  }

  _t (
    // The path to be tested
    path,

    // The cache for the result of a certain checking
    cache
  ) {
    if (path in cache) {
      return cache[path]
    }

    const parentPath = parentOf(path)

    // If the path contains a parent directory, check the parent first
    const parent = parentPath
      ? this._t(parentPath, cache)
      : UNDEFINED

    return cache[path] = parent && parent.ignored
      // > It is not possible to re-include a file if a parent directory of
      // >   that file is excluded.
      ? parent
      : this._rules.test(path, MODE_IGNORE)
  }

  ignores (path) {
    return this._test(path, this._ignoreCache, convertPath(path)).ignored
  }

  createFilter () {
    return path => !this.ignores(path)
  }

  filter (paths) {
    return makeArray(paths).filter(this.createFilter())
  }

  // @returns {TestResult}
  test (path) {
    return this._test(path, this._testCache, convertPath(path))
  }
}

const factory = options => new Ignore(options)

const isPathValid = path =>
  checkPath(convertPath(path), path, RETURN_FALSE)

/* istanbul ignore next */
const setupWindows = () => {
  /* eslint no-control-regex: "off" */
  const makePosix = str => /^\\\\\?\\/.test(str)
  || /["<>|\u0000-\u001F]+/u.test(str)
    ? str
    : str.replace(/\\/g, '/')

  checkPath.convert = makePosix

  // 'C:\\foo'     <- 'C:\\foo' has been converted to 'C:/'
  // 'd:\\foo'
  const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i
  checkPath.isNotRelative = path =>
    REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path)
    || isNotRelative(path)
}


// Windows
// --------------------------------------------------------------
/* istanbul ignore next */
if (
  // Detect `process` so that it can run in browsers.
  typeof process !== 'undefined'
  && process.platform === 'win32'
) {
  setupWindows()
}

// COMMONJS_EXPORTS ////////////////////////////////////////////////////////////

module.exports = factory

// Although it is an anti-pattern,
//   it is still widely misused by a lot of libraries in github
// Ref: https://github.com/search?q=ignore.default%28%29&type=code
factory.default = factory

module.exports.isPathValid = isPathValid

// For testing purposes
define(module.exports, Symbol.for('setupWindows'), setupWindows)


/***/ }),

/***/ 3018:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5133);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1601);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8460);



await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(async () => (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .getInputs */ .G)()));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1601:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ getInputs)
/* harmony export */ });
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8936);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5133);


function tag(input, value) {
    if (!(0,_d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .isValidTag */ .r_)(value))
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `"${value}" is not a valid tag: use ${_d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .tagRule */ .D$}`);
    return value;
}
/** Reads and validates every input before anything touches a registry. */
function getInputs() {
    const context = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .githubContext */ .h4)();
    const repository = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('repository', { required: true });
    const location = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .repositoryInput */ .JD)('repository', repository);
    const components = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('components') || undefined;
    const pathInput = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('path', { fallback: '.' });
    // `./` and `.` both mean the default (the D2 workflows write `path: "./"`).
    if (components && (pathInput.replace(/\/+$/, '') || '.') !== '.')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('components', 'give `path` or `components`, not both');
    if (components && (components.startsWith('/') || components.split('/').includes('..')))
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('components', `"${components}" must be a glob inside the workspace, e.g. components/*`);
    const plan = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('plan', false);
    if (plan && !components)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('plan', 'needs `components`: it lists which of them changed');
    const path = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .workspacePath */ .X5)('path', pathInput, context);
    const diffTag = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('diff-tag') || undefined;
    if (diffTag)
        tag('diff-tag', diffTag);
    const tags = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('tags').map((t) => tag('tags', t));
    const ignore = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .linesInput */ .WO)('ignore-paths');
    const source = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('source') || (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .defaultSource */ .Hu)(context);
    const revision = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('revision') || (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .defaultRevision */ .Te)(context);
    if (!source)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('source', 'is empty and GITHUB_REPOSITORY is not set; pass the source repository URL');
    if (!revision)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('revision', 'is empty and GITHUB_REF/GITHUB_SHA are not set; pass e.g. main@sha1:<commit>');
    const sbom = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('sbom') || undefined;
    if (sbom !== undefined && sbom !== 'cyclonedx' && sbom !== 'spdx')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('sbom', `"${sbom}" is not cyclonedx or spdx`);
    const files = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .linesInput */ .WO)('attach').map((file) => (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .workspacePath */ .X5)('attach', file, context));
    if (files.length && components)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('attach', 'goes with `path` (one artifact); with `components`, generate an SBOM per component with `sbom`');
    const attest = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('attest', false);
    const signing = plan ? undefined : (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .signingInputs */ .hY)(context);
    if (attest && !signing)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('attest', 'needs signing (`sign: true`, the default, keyless or with `signing-key`)');
    if (attest && signing?.kind === 'notation')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('attest', 'makes Sigstore attestations; with `signature-format: notation` attach the documents unsigned, or sign in a cosign format');
    if (attest && !sbom && !files.length)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('attest', 'has nothing to attest: add `sbom` or `attach`');
    return {
        location,
        repository,
        path,
        pathInput,
        components,
        concurrency: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .integerInput */ .$A)('concurrency', 6),
        plan,
        diffTag,
        tags,
        ignorePaths: ignore.length ? ignore : undefined,
        annotations: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .keyValueInput */ .Bb)('annotations'),
        source,
        revision,
        reproducible: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('reproducible', false),
        resolveSymlinks: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('resolve-symlinks', false),
        sourceIgnore: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('source-ignore', false),
        registry: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .registryInputs */ .P4)(),
        signing,
        documents: { sbom, files, attest },
        context,
    };
}


/***/ }),

/***/ 8460:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ../../packages/core/src/sign/sign.ts + 1 modules
var sign = __nccwpck_require__(1047);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __nccwpck_require__(8085);
// EXTERNAL MODULE: ../../packages/core/node_modules/ignore/index.js
var ignore = __nccwpck_require__(5404);
var ignore_default = /*#__PURE__*/__nccwpck_require__.n(ignore);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/ignore.ts



/**
 * What `flux push/build/diff artifact` leave out by default (flux2 build_artifact.go `excludeOCI` =
 * fluxcd/pkg sourceignore ExcludeVCS + ExcludeExt).
 */
const fluxDefaultIgnore = [
    '.git/', '.gitignore', '.gitmodules', '.gitattributes',
    '*.jpg', '*.jpeg', '*.gif', '*.png', '*.wmv', '*.flv', '*.tar.gz', '*.zip',
];
/**
 * Gitignore-syntax matching over the artifact tree (via the `ignore` package). Patterns from a `.sourceignore`
 * apply below its directory; deeper files override shallower ones, like nested .gitignore files.
 */
class IgnoreRules {
    #scopes;
    #sourceIgnore;
    constructor(options = {}) {
        const patterns = [...(options.ignorePaths ?? fluxDefaultIgnore), ...(options.addIgnorePaths ?? [])].map((p) => p.trim()).filter(Boolean);
        this.#scopes = [{ base: '', rules: ignore_default()().add(patterns) }];
        this.#sourceIgnore = options.sourceIgnore ?? false;
    }
    /** Reads `<dir>/.sourceignore` when enabled; call before walking the directory's children. */
    enterSync(absoluteDir, relativeDir) {
        if (!this.#sourceIgnore)
            return;
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(absoluteDir, '.sourceignore'), 'utf8');
        }
        catch {
            return;
        }
        this.#scopes.push({ base: relativeDir === '.' ? '' : relativeDir, rules: ignore_default()().add(text) });
    }
    /** Whether a path (relative, with `/`) is excluded. */
    ignores(relativePath, isDirectory) {
        let ignored = false;
        for (const scope of this.#scopes) {
            if (scope.base && !relativePath.startsWith(`${scope.base}/`))
                continue;
            const local = scope.base ? relativePath.slice(scope.base.length + 1) : relativePath;
            const result = scope.rules.test(isDirectory ? `${local}/` : local);
            if (result.ignored)
                ignored = true;
            else if (result.unignored)
                ignored = false;
        }
        return ignored;
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/walk.ts




class ArtifactPathError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ArtifactPathError';
    }
}
/**
 * A name Flux cannot unpack. source-controller extracts every artifact with fluxcd/pkg `tar.Untar`, which checks
 * each tar header name with `validRelPath` (tar/tar.go@tar/v0.12.0 to tar/v0.17.0, tar/untar.go@tar/v1.2.0):
 *
 *     if p == "" || strings.Contains(p, `\`) || strings.HasPrefix(p, "/") || strings.Contains(p, "../") { return false }
 *
 * and fails the whole artifact on the first refusal, so such a name is refused here, before anything is uploaded.
 */
class UnpackableNameError extends ArtifactPathError {
    code = 'FLUX_UNTAR_NAME';
    /** The entry's path inside the artifact, as walked (no trailing slash). */
    entry;
    constructor(entry, type, reason) {
        super(`${type} "${entry}" would fail the whole artifact in Flux: its Untar refuses names ${reason}; rename it, or leave it out with an ignore pattern`);
        this.name = 'UnpackableNameError';
        this.entry = entry;
    }
}
/**
 * Throws when Flux's `validRelPath` would refuse an entry. It sees the tar header name, which is `name` as is
 * (writeLayer passes it to tar-stream, which adds no trailing `/` to directories, as Flux's own builder writes):
 * a directory `v1..` passes by itself, but everything in it (`v1../app.yaml`) contains `../` and fails; a file
 * `v1..` or a directory `..x` passes. Our names never start with `/` and are never empty (the root is `.`), so
 * `\` and `../` are the two rules that can bite.
 */
function assertUnpackable(name, type) {
    if (name.includes('\\'))
        throw new UnpackableNameError(name, type, 'containing a backslash');
    const dotted = name.indexOf('../');
    if (dotted >= 0)
        throw new UnpackableNameError(name, type, `containing "../" (directory "${name.slice(0, dotted + 2)}" ends in "..")`);
}
const dirMode = 0o755;
const fileMode = (mode) => (mode & 0o111 ? 0o755 : 0o644);
/**
 * Lists what goes into an artifact, in Flux's order: a depth-first walk with each directory's names sorted
 * byte-wise, the root first as `.`. Ignored paths, symlinks (unless resolved) and special files are left out.
 * A single file becomes `.` plus that file, as in Flux 2.9.
 */
async function walkTree(root, options = {}) {
    return [...walk_walkEntries(root, options)];
}
/**
 * The same walk, one entry at a time, so packing can start (and zlib compress) while the tree is still being
 * listed. Synchronous on purpose: listing is metadata work, and sync calls list 5,000 files in ~35 ms where one
 * thread-pool round trip per lstat took ~150 ms.
 */
function* walk_walkEntries(root, options = {}) {
    let info;
    try {
        info = (0,external_node_fs_.statSync)(root);
    }
    catch (err) {
        const code = err.code;
        throw new ArtifactPathError(code === 'ENOENT' ? `path "${root}" does not exist` : `cannot read path "${root}": ${err.message}`);
    }
    yield { name: '.', type: 'directory', mode: dirMode, size: 0, source: root };
    if (info.isFile()) {
        assertUnpackable((0,external_node_path_.basename)(root), 'file');
        yield { name: (0,external_node_path_.basename)(root), type: 'file', mode: fileMode(info.mode), size: info.size, source: root };
        return;
    }
    if (!info.isDirectory())
        throw new ArtifactPathError(`path "${root}" is neither a file nor a directory`);
    const rules = new IgnoreRules(options);
    const rootReal = (0,external_node_fs_.realpathSync)(root);
    function* visit(dir, name, ancestors) {
        rules.enterSync(dir, name);
        const children = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => (0,order/* compareBytes */.X)(a.name, b.name));
        for (const child of children) {
            const path = (0,external_node_path_.join)(dir, child.name);
            const childName = name === '.' ? child.name : `${name}/${child.name}`;
            let source = path;
            let kind = child.isFile() ? 'file' : child.isDirectory() ? 'directory' : undefined;
            if (child.isSymbolicLink()) {
                if (!options.resolveSymlinks)
                    continue;
                let target;
                try {
                    target = (0,external_node_fs_.realpathSync)(path);
                }
                catch {
                    throw new ArtifactPathError(`symlink "${childName}" is broken`);
                }
                if (target !== rootReal && !target.startsWith(rootReal + external_node_path_.sep)) {
                    throw new ArtifactPathError(`symlink "${childName}" points outside the artifact root (to ${(0,external_node_path_.relative)(rootReal, target)})`);
                }
                const targetInfo = (0,external_node_fs_.statSync)(target);
                kind = targetInfo.isFile() ? 'file' : targetInfo.isDirectory() ? 'directory' : undefined;
                source = target;
            }
            if (kind === 'directory') {
                if (rules.ignores(childName, true))
                    continue;
                const real = (0,external_node_fs_.realpathSync)(source);
                if (ancestors.has(real))
                    continue; // a symlink loop back into an ancestor
                assertUnpackable(childName, 'directory');
                yield { name: childName, type: 'directory', mode: dirMode, size: 0, source };
                yield* visit(source, childName, new Set([...ancestors, real]));
            }
            else if (kind === 'file') {
                if (rules.ignores(childName, false))
                    continue;
                assertUnpackable(childName, 'file');
                const info = (0,external_node_fs_.statSync)(source);
                yield { name: childName, type: 'file', mode: fileMode(info.mode), size: info.size, source };
            }
        }
    }
    yield* visit(root, '.', new Set([rootReal]));
}

// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(8706);
// EXTERNAL MODULE: ../../packages/core/src/oci/http.ts + 1 modules
var http = __nccwpck_require__(1737);
// EXTERNAL MODULE: ../../packages/core/src/auth/github.ts
var auth_github = __nccwpck_require__(9999);
;// CONCATENATED MODULE: ../../packages/core/src/auth/hints.ts


/** What a cloud identity needs to push, when its registry refuses it. */
const cloudPermissions = {
    aws: (_registry, repository) => `the AWS identity needs ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage and ecr:BatchGetImage on the repository ${repository}, which must exist`,
    gcp: (_registry, repository) => `the Google identity needs roles/artifactregistry.writer on ${repository} (or Storage write access for Container Registry)`,
    azure: (registry) => `the Azure identity needs the AcrPush role on ${registry}`,
};
const credentialFix = {
    action: 'set `registry-username` and `registry-password`, or `github-token` for ghcr.io, or log in with docker/login-action',
    cli: 'pass --creds user:password, or run docker login',
};
/**
 * Adds the fix a user needs to a registry auth failure: which permission or input is missing. Other errors
 * come back unchanged.
 */
function withAuthHint(err, context) {
    if (!(err instanceof errors/* OciError */.Mf) || (err.status !== 401 && err.status !== 403))
        return err;
    const github = (0,auth_github/* isGitHubRegistry */.v)(context.registry, process.env.GITHUB_SERVER_URL || undefined);
    let hint;
    if (!context.hasCredentials) {
        hint = `no credentials for ${context.registry}: ${credentialFix[context.vocabulary]}`;
    }
    else if (github) {
        hint =
            context.vocabulary === 'action'
                ? `add \`permissions: packages: write\` to the job, and give this repository access to the package ${context.repository} (package settings → Manage Actions access)`
                : `use a token with the write:packages scope for ${context.registry}`;
    }
    else if (context.provider && context.provider !== 'generic') {
        hint = cloudPermissions[context.provider](context.registry, context.repository);
    }
    else if (err.status === 401) {
        hint = `the registry rejected the credentials for ${context.registry}; check them`;
    }
    else {
        hint = `the credentials lack permission for ${context.registry}/${context.repository}`;
    }
    return new errors/* OciError */.Mf(err.code, `${err.message}; ${hint}`, { status: err.status, cause: err });
}

// EXTERNAL MODULE: ../../packages/core/src/sign/signer.ts + 1 modules
var sign_signer = __nccwpck_require__(814);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ../../packages/core/src/oci/attach.ts
var attach = __nccwpck_require__(9400);
// EXTERNAL MODULE: ../../packages/core/src/sign/payload.ts
var payload = __nccwpck_require__(8419);
;// CONCATENATED MODULE: ../../packages/core/src/sign/attest.ts



/** in-toto predicate types of the documents d2ci attests, as cosign's `--type` shorthands map them. */
const attest_predicateTypes = {
    spdx: 'https://spdx.dev/Document',
    cyclonedx: 'https://cyclonedx.org/bom',
    openvex: 'https://openvex.dev/ns',
};
/**
 * Signs a document about a manifest as an in-toto attestation and attaches it the way `cosign attest` (v3) and
 * `actions/attest` do: a v0.3 Sigstore bundle holding a DSSE envelope over `{subject: digest, predicateType,
 * predicate}`, as a referrer with the bundle annotations. Flux 2.8+ reads every such bundle on the digest as a
 * possible signature and accepts the artifact when one verifies, so an attestation signed by the workflow's own
 * identity also satisfies a cluster, and one by another identity does not stop a valid signature from counting.
 */
async function attestDocument(target, subject, options) {
    const signer = options.signer ?? (await (0,sign_signer/* createBundleSigner */.B5)(options.identity));
    const bundle = await signer.signStatement((0,payload/* inTotoStatement */.Hg)(subject.digest, options.predicateType, options.predicate));
    const referrer = await (0,sign/* attachSigstoreBundle */.Uy)(target, subject, bundle, options.predicateType);
    const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex;
    return { referrer, predicateType: options.predicateType, ...(logIndex !== undefined ? { rekorLogIndex: String(logIndex) } : {}) };
}

// EXTERNAL MODULE: ../../packages/core/src/artifact/flux.ts
var flux = __nccwpck_require__(8359);
// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(3483);
// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __nccwpck_require__(8341);
// EXTERNAL MODULE: ../../packages/core/src/oci/reference.ts
var reference = __nccwpck_require__(8936);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/inventory.ts







const kustomizationNames = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
const isYamlName = (name) => /\.ya?ml$/i.test(name) || (0,external_node_path_.basename)(name) === 'Kustomization';
// ---------------------------------------------------------------------------------------------------------------
// Package URLs (purl-spec: percent-encode all but A–Z a–z 0–9 . - _ ~ and ':'; qualifiers sorted by key).
function purlEncode(value) {
    return encodeURIComponent(value)
        .replace(/%3A/gi, ':')
        .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function packageUrl(type, path, version, qualifiers, subpath) {
    let purl = `pkg:${type}/${path.map(purlEncode).join('/')}`;
    if (version)
        purl += `@${purlEncode(version)}`;
    const pairs = Object.entries(qualifiers)
        .filter((pair) => pair[1] !== undefined && pair[1] !== '')
        .map(([key, value]) => `${key}=${purlEncode(value)}`)
        .sort(order/* compareBytes */.X);
    if (pairs.length)
        purl += `?${pairs.join('&')}`;
    const segments = (subpath ?? '').split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
    if (segments.length)
        purl += `#${segments.map(purlEncode).join('/')}`;
    return purl;
}
/**
 * `pkg:oci/<name>[@<digest>]?repository_url=<registry/repository>[&tag=<tag>]`, the registered purl type for
 * anything in an OCI registry (images and OCI Helm charts alike): the name is the last path element, the
 * version only ever a digest, the tag a qualifier.
 */
function ociPackageUrl(ref) {
    const name = (ref.repository.split('/').pop() ?? ref.repository).toLowerCase();
    return packageUrl('oci', [name], ref.digest, { repository_url: (0,reference/* repositoryName */.aR)(ref), tag: ref.tag });
}
/** `pkg:helm/<chart>[@<version>][?repository_url=<url>]`, the proposed `helm` type (purl-spec #236) for charts of HTTP repositories. */
function helmPackageUrl(chart, version, repositoryUrl) {
    return packageUrl('helm', [chart], version, { repository_url: repositoryUrl });
}
/** `pkg:github/<owner>/<repo>@<ref>` for GitHub, else `pkg:git/<host>/<path>@<ref>`; `subpath` for a chart's path. */
function gitPackageUrl(url, ref, subpath) {
    const location = gitLocation(url);
    if (!location)
        return undefined;
    const { host, path } = location;
    if (host === 'github.com' && path.length === 2)
        return packageUrl('github', path.map((p) => p.toLowerCase()), ref, {}, subpath);
    return packageUrl('git', [host, ...path], ref, {}, subpath);
}
function gitLocation(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (!['http:', 'https:', 'ssh:', 'git:'].includes(parsed.protocol) || parsed.hostname === '')
        return undefined;
    const path = decodeURIComponent(parsed.pathname)
        .replace(/\.git\/?$/, '')
        .split('/')
        .filter((s) => s !== '');
    if (path.length === 0)
        return undefined;
    return { host: parsed.host.toLowerCase(), path };
}
function toTree(node, doc, lines, fallbackLine, depth = 0) {
    const lineOf = (n) => (n.range && lines ? lines.linePos(n.range[0]).line : fallbackLine);
    if (depth > 200)
        return { t: 'scalar', line: fallbackLine, value: null, text: '', block: false };
    if ((0,dist/* isAlias */.Vj)(node))
        return toTree(node.resolve(doc), doc, lines, lineOf(node), depth + 1);
    if ((0,dist/* isMap */.jh)(node)) {
        const line = lineOf(node);
        const entries = [];
        for (const pair of node.items) {
            // A complex key (a map or list as a key) matches no field d2ci reads.
            const key = (0,dist/* isScalar */.jn)(pair.key) ? scalarText(pair.key) : '';
            const keyLine = (0,dist/* isScalar */.jn)(pair.key) ? lineOf(pair.key) : line;
            const value = toTree(pair.value, doc, lines, keyLine, depth + 1);
            // A block map or list under a key is found at the key's line.
            if (value.t !== 'scalar')
                value.line = keyLine;
            entries.push([key, value]);
        }
        return { t: 'map', line, entries };
    }
    if ((0,dist/* isSeq */.oP)(node)) {
        const line = lineOf(node);
        return { t: 'seq', line, items: node.items.map((item) => toTree(item, doc, lines, line, depth + 1)) };
    }
    if ((0,dist/* isScalar */.jn)(node)) {
        return { t: 'scalar', line: lineOf(node), value: node.value, text: scalarText(node), block: node.type === dist/* Scalar */.X5.BLOCK_LITERAL || node.type === dist/* Scalar */.X5.BLOCK_FOLDED };
    }
    return { t: 'scalar', line: fallbackLine, value: null, text: '', block: false };
}
function scalarText(node) {
    if (typeof node.value === 'string')
        return node.value;
    if (node.value === null || node.value === undefined)
        return '';
    const value = node.value;
    return node.source ?? (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '');
}
function get(node, key) {
    if (node?.t !== 'map')
        return undefined;
    for (const [k, v] of node.entries)
        if (k === key)
            return v;
    return undefined;
}
function getPath(node, ...keys) {
    let current = node;
    for (const key of keys)
        current = get(current, key);
    return current;
}
/** A string scalar's value (not numbers or booleans), trimmed; undefined when absent or empty. */
function str(node) {
    if (node?.t !== 'scalar' || typeof node.value !== 'string')
        return undefined;
    const value = node.value.trim();
    return value === '' ? undefined : value;
}
/** A scalar as written, strings and numbers alike (`tag: 1.10`, `version: 2`). */
function inventory_text(node) {
    if (node?.t !== 'scalar' || node.value === null || typeof node.value === 'boolean')
        return undefined;
    const value = node.text.trim();
    return value === '' ? undefined : value;
}
const identifier = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
const childPath = (path, key) => {
    if (!identifier.test(key))
        return `${path}[${JSON.stringify(key)}]`;
    return path === '' || path.endsWith('#') ? `${path}${key}` : `${path}.${key}`;
};
const indexPath = (path, index) => `${path}[${index}]`;
const containerLists = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const imageAutomationGroup = 'image.toolkit.fluxcd.io';
const fluxGroups = ['source.toolkit.fluxcd.io', 'helm.toolkit.fluxcd.io', 'kustomize.toolkit.fluxcd.io'];
function unresolved(scan, ctx, path, line, value, reason) {
    scan.unresolved.push({ file: ctx.file, document: ctx.document, ...(ctx.kind ? { kind: ctx.kind } : {}), ...(ctx.name ? { name: ctx.name } : {}), path, line, value, reason });
}
function foundAt(ctx, path, line, via) {
    const at = { file: ctx.file, document: ctx.document, path, line, via };
    if (ctx.kind)
        at.kind = ctx.kind;
    if (ctx.name)
        at.name = ctx.name;
    if (ctx.namespace)
        at.namespace = ctx.namespace;
    return at;
}
/** Why an image string is not a reference, or undefined when it is one. */
function imageProblem(value) {
    if (/\$\{[^}]*\}|\$[A-Za-z_]/.test(value))
        return 'contains a variable (substituted at deploy time, e.g. by Flux post-build substitution)';
    if (/\{\{|\}\}/.test(value))
        return 'contains a template expression';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
        return 'is a URL, not an image reference';
    try {
        (0,reference/* parseReference */.F2)(value);
        return undefined;
    }
    catch (err) {
        return err.message.replace(/^invalid reference "[^"]*": /, 'is not a valid image reference: ');
    }
}
function imageFound(ref, at) {
    const fields = { name: (0,reference/* repositoryName */.aR)(ref), registry: ref.registry, repository: ref.repository, purl: ociPackageUrl(ref) };
    if (ref.tag)
        fields.version = fields.tag = ref.tag;
    if (ref.digest)
        fields.digest = ref.digest;
    return { type: 'image', id: (0,reference/* formatReference */.FH)(ref), fields, at };
}
function recordImage(scan, ctx, value, path, line, via) {
    const problem = imageProblem(value);
    if (problem) {
        unresolved(scan, ctx, path, line, value, `image ${problem}`);
        return;
    }
    scan.found.push(imageFound((0,reference/* parseReference */.F2)(value), foundAt(ctx, path, line, via)));
}
/** `image: {registry, repository, tag, digest}`; true when the map was one (a reference or not). */
function recordImageMap(scan, ctx, node, path) {
    const repository = str(get(node, 'repository'));
    const registry = str(get(node, 'registry'));
    const tag = inventory_text(get(node, 'tag'));
    const digest = str(get(node, 'digest'));
    if (!repository) {
        if (tag || digest)
            unresolved(scan, ctx, path, node.line, [tag && `tag ${tag}`, digest && `digest ${digest}`].filter(Boolean).join(', '), 'image map without a repository: it overrides the tag or digest of the image the chart chooses');
        return tag !== undefined || digest !== undefined;
    }
    const value = `${registry ? `${registry.replace(/\/+$/, '')}/` : ''}${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
    const problem = imageProblem(value);
    if (problem) {
        unresolved(scan, ctx, path, node.line, value, `image map ${problem}`);
        return true;
    }
    const ref = (0,reference/* parseReference */.F2)(value);
    if ((tag && ref.tag !== tag) || (digest && ref.digest !== digest)) {
        unresolved(scan, ctx, path, node.line, value, 'image map repository already holds a tag or digest');
        return true;
    }
    scan.found.push(imageFound(ref, foundAt(ctx, path, node.line, 'image-map')));
    return true;
}
function addContainer(scan, ctx, value, path, line, via) {
    const list = scan.containers.get(ctx.file) ?? [];
    list.push({ value, at: foundAt(ctx, path, line, via) });
    scan.containers.set(ctx.file, list);
}
function isJsonPatch(node) {
    return node.items.length > 0 && node.items.every((item) => str(get(item, 'op')) !== undefined && str(get(item, 'path')) !== undefined);
}
/** Walks one object for `image` fields, image maps, JSON patches and inline patches. */
function walk(scan, ctx, node, path, inContainerList, lineBase) {
    if (node.t === 'map') {
        for (const [key, value] of node.entries) {
            const here = childPath(path, key);
            if (key === 'image') {
                if (value.t === 'scalar' && typeof value.value === 'string') {
                    const image = value.value.trim();
                    if (inContainerList && image !== '')
                        addContainer(scan, ctx, image, here, value.line + lineBase, 'container');
                    if (image !== '')
                        recordImage(scan, ctx, image, here, value.line + lineBase, inContainerList ? 'container' : 'image-field');
                    continue;
                }
                if (value.t === 'map' && recordImageMap(scan, ctx, { ...value, line: value.line + lineBase }, here))
                    continue;
            }
            if (key === 'patch' && value.t === 'scalar' && typeof value.value === 'string' && value.value.includes('\n')) {
                walkInlinePatch(scan, ctx, value, `${here}#`, lineBase);
                continue;
            }
            walk(scan, ctx, value, here, containerLists.has(key) && value.t === 'seq', lineBase);
        }
    }
    else if (node.t === 'seq') {
        if (isJsonPatch(node)) {
            node.items.forEach((op, i) => {
                const target = str(get(op, 'path')) ?? '';
                const value = get(op, 'value');
                const opName = str(get(op, 'op'));
                if ((opName === 'add' || opName === 'replace') && /\/image$/.test(target) && value?.t === 'scalar' && typeof value.value === 'string') {
                    const here = childPath(indexPath(path, i), 'value');
                    const image = value.value.trim();
                    if (image !== '' && /\/(containers|initContainers|ephemeralContainers)\/[^/]+\/image$/.test(target))
                        addContainer(scan, ctx, image, here, value.line + lineBase, 'json-patch');
                    if (image !== '')
                        recordImage(scan, ctx, image, here, value.line + lineBase, 'json-patch');
                }
                else if (value) {
                    // An added container (or list of them), or any value holding its own `image` fields.
                    const inList = /\/(containers|initContainers|ephemeralContainers)(\/-|\/[0-9]+)?$/.test(target);
                    walk(scan, ctx, value, childPath(indexPath(path, i), 'value'), inList, lineBase);
                }
            });
            return;
        }
        node.items.forEach((item, i) => walk(scan, ctx, item, indexPath(path, i), inContainerList && item.t === 'map', lineBase));
    }
}
/** A `patch: |` string: a strategic-merge patch or JSON 6902 operations, scanned as a nested document. */
function walkInlinePatch(scan, ctx, node, path, lineBase) {
    const lines = new dist/* LineCounter */.HN();
    const docs = (0,dist/* parseAllDocuments */.hR)(String(node.value), { lineCounter: lines });
    const list = Array.isArray(docs) ? docs : [];
    if (list.some((d) => d.errors.length > 0)) {
        unresolved(scan, ctx, path.slice(0, -1), node.line + lineBase, String(node.value).split('\n')[0] ?? '', 'inline patch is not valid YAML');
        return;
    }
    // Inner lines count from the scalar's content: the next line for a block scalar.
    const base = lineBase + node.line - 1 + (node.block ? 1 : 0);
    for (const doc of list) {
        if (doc.contents === null)
            continue;
        walk(scan, ctx, toTree(doc.contents, doc, lines, 1), path, false, base);
    }
}
function kindOf(node) {
    const apiVersion = str(get(node, 'apiVersion'));
    const group = apiVersion?.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
    return { apiVersion, group, kind: str(get(node, 'kind')), name: str(getPath(node, 'metadata', 'name')), namespace: str(getPath(node, 'metadata', 'namespace')) };
}
function scanObject(scan, file, document, node, pathPrefix) {
    const meta = kindOf(node);
    // A List's items are objects of their own.
    const items = get(node, 'items');
    if (meta.kind?.endsWith('List') && items?.t === 'seq') {
        items.items.forEach((item, i) => scanObject(scan, file, document, item, indexPath(childPath(pathPrefix, 'items'), i)));
        return;
    }
    const ctx = { file, document };
    if (meta.kind)
        ctx.kind = meta.kind;
    if (meta.name)
        ctx.name = meta.name;
    if (meta.namespace)
        ctx.namespace = meta.namespace;
    // A CRD's schema describes `image` fields, it sets none; ImageRepositories name images to scan, not to deploy.
    if (meta.kind === 'CustomResourceDefinition' || meta.group === imageAutomationGroup)
        return;
    walk(scan, ctx, node, pathPrefix, false, 0);
    if (node.t === 'map' && meta.kind && meta.name && fluxGroups.includes(meta.group)) {
        scan.flux.push({ group: meta.group, kind: meta.kind, name: meta.name, ...(meta.namespace ? { namespace: meta.namespace } : {}), node, ctx });
    }
}
function scanFile(scan, skipped, file, read) {
    if ('error' in read) {
        skipped.push({ file, reason: `cannot read: ${read.error.message}` });
        return;
    }
    const content = read.content;
    const lines = new dist/* LineCounter */.HN();
    const parsed = (0,dist/* parseAllDocuments */.hR)(content, { lineCounter: lines });
    const docs = Array.isArray(parsed) ? parsed : [];
    const broken = docs.find((d) => d.errors.length > 0);
    if (broken) {
        skipped.push({ file, reason: `not valid YAML: ${(broken.errors[0]?.message ?? 'parse error').split('\n')[0]}` });
        return;
    }
    scan.files.add(file);
    docs.forEach((doc, index) => {
        if (doc.contents === null)
            return;
        const node = toTree(doc.contents, doc, lines, 1);
        const isKustomization = kustomizationNames.has(external_node_path_.posix.basename(file)) && index === 0 && node.t === 'map' && isKustomizeConfig(node);
        if (isKustomization) {
            const ctx = { file, document: index, kind: str(get(node, 'kind')) ?? 'Kustomization' };
            scan.kustomizations.set(external_node_path_.posix.dirname(file), { file, dir: external_node_path_.posix.dirname(file), node, ctx });
            walk(scan, ctx, node, '', false, 0);
            scanKustomizationStrings(scan, ctx, node);
            return;
        }
        scanObject(scan, file, index, node, '');
    });
}
function isKustomizeConfig(node) {
    const apiVersion = str(get(node, 'apiVersion'));
    const kind = str(get(node, 'kind'));
    return (apiVersion === undefined || apiVersion.startsWith('kustomize.config.k8s.io/')) && (kind === undefined || kind === 'Kustomization' || kind === 'Component');
}
/** `patchesStrategicMerge` entries written inline. */
function scanKustomizationStrings(scan, ctx, node) {
    const smp = get(node, 'patchesStrategicMerge');
    if (smp?.t !== 'seq')
        return;
    smp.items.forEach((item, i) => {
        if (item.t === 'scalar' && typeof item.value === 'string' && item.value.includes('\n'))
            walkInlinePatch(scan, ctx, item, `${indexPath('patchesStrategicMerge', i)}#`, 0);
    });
}
function readOverrides(scan, ctx, node, path) {
    if (node?.t !== 'seq')
        return [];
    const overrides = [];
    node.items.forEach((item, index) => {
        const name = str(get(item, 'name'));
        if (!name) {
            unresolved(scan, ctx, indexPath(path, index), item.line, '', 'images entry without a name');
            return;
        }
        const o = { name, index, line: item.line };
        const newName = str(get(item, 'newName'));
        const newTag = inventory_text(get(item, 'newTag'));
        const digest = str(get(item, 'digest'));
        if (newName)
            o.newName = newName;
        if (newTag)
            o.newTag = newTag;
        if (digest)
            o.digest = digest;
        overrides.push(o);
    });
    return overrides;
}
/** kustomize's image.Split: name, tag and digest of an image string, whatever it holds. */
function splitImage(value) {
    let rest = value;
    let digest = '';
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    const slash = rest.indexOf('/');
    const colon = rest.slice(Math.max(slash, 0)).lastIndexOf(':');
    if (colon < 0)
        return { name: rest, tag: '', digest };
    const i = Math.max(slash, 0) + colon;
    return { name: rest.slice(0, i), tag: rest.slice(i + 1), digest };
}
/** The image an override makes of `value` (kustomize imagetag updater), or undefined when it does not match. */
function applyOverride(value, o) {
    const parts = splitImage(value);
    if (parts.name !== o.name || !/^[a-zA-Z0-9_.{}-]*$/.test(parts.tag))
        return undefined;
    let { name, tag, digest } = parts;
    if (o.newName)
        name = o.newName;
    if (o.newTag && o.digest) {
        tag = o.newTag;
        digest = o.digest;
    }
    else if (o.newTag) {
        tag = o.newTag;
        digest = '';
    }
    else if (o.digest) {
        tag = '';
        digest = o.digest;
    }
    return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
/** An override as it stands, when nothing it applies to can be seen. */
function standingOverride(o) {
    if (!o.newName && !o.newTag && !o.digest)
        return undefined;
    return `${o.newName ?? o.name}${o.newTag ? `:${o.newTag}` : ''}${o.digest ? `@${o.digest}` : ''}`;
}
function recordStandingOverrides(scan, ctx, overrides, path) {
    for (const o of overrides) {
        const value = standingOverride(o);
        if (value === undefined)
            continue;
        const here = indexPath(path, o.index);
        const problem = imageProblem(value);
        if (problem)
            unresolved(scan, ctx, here, o.line, value, `images override ${problem}`);
        else
            scan.found.push(imageFound((0,reference/* parseReference */.F2)(value), foundAt(ctx, here, o.line, 'images-override')));
    }
}
const isRemote = (entry) => /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^git@/.test(entry) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry) || entry.includes('?ref=');
/**
 * What each kustomization makes of the container images of its resources, components and patches: kustomize's
 * `images` applied in order (each entry to the output of the previous, overlays to their bases' output, a
 * Component's to what the kustomization including it has accumulated). Purely from the files: resources that are
 * remote or not in the tree make the kustomization incomplete, and its entries that match nothing are then
 * recorded as they stand. Patches are not applied: an image a patch replaces is kept as well as the patch's.
 */
function applyKustomizeImages(scan) {
    const outputs = new Map();
    const building = new Set();
    const usedComponents = new Set();
    const isComponent = (k) => str(get(k.node, 'kind')) === 'Component';
    const resolve = (dir, entry) => {
        const path = external_node_path_.posix.normalize(external_node_path_.posix.join(dir, entry)).replace(/\/$/, '');
        return path.startsWith('../') || path === '..' ? undefined : path;
    };
    /** `incoming`: for a Component, the images of the kustomization including it, which its transformers see too. */
    const run = (k, incoming) => {
        const dir = k.dir;
        let complete = true;
        let inputs = [...(incoming ?? [])];
        // A resource's own containers (an inline patch string in it is not a container kustomize sees).
        const addFile = (file, patches = false) => {
            inputs.push(...(scan.containers.get(file) ?? []).filter((c) => patches || !c.at.path.includes('#')));
        };
        const addEntry = (entry, component) => {
            const path = isRemote(entry) ? undefined : resolve(dir, entry);
            const sub = path === undefined ? undefined : scan.kustomizations.get(path);
            if (path !== undefined && scan.files.has(path) && !component) {
                addFile(path);
            }
            else if (sub && component && isComponent(sub)) {
                usedComponents.add(sub.dir);
                const out = building.has(sub.dir) ? { images: inputs, complete: false } : run(sub, inputs);
                inputs = out.images;
                complete &&= out.complete;
            }
            else if (sub && !component) {
                const out = build(sub);
                inputs.push(...out.images);
                complete &&= out.complete;
            }
            else {
                // Remote, outside the tree, a directory without a kustomization, or a file that is not here (not packed,
                // not YAML, unparsable).
                complete = false;
            }
        };
        building.add(dir);
        for (const key of ['resources', 'bases', 'components']) {
            const list = get(k.node, key);
            if (list?.t === 'seq')
                for (const item of list.items)
                    if (item.t === 'scalar' && typeof item.value === 'string')
                        addEntry(item.value.trim(), key === 'components');
        }
        building.delete(dir);
        // Patch files, and patches written inline in the kustomization itself.
        const patchFile = (entry) => {
            if (!entry)
                return;
            const path = resolve(dir, entry);
            if (path !== undefined && scan.files.has(path))
                addFile(path, true);
            else
                complete = false;
        };
        for (const key of ['patches', 'patchesJson6902']) {
            const list = get(k.node, key);
            if (list?.t === 'seq')
                for (const item of list.items)
                    patchFile(str(get(item, 'path')));
        }
        const smp = get(k.node, 'patchesStrategicMerge');
        if (smp?.t === 'seq')
            for (const item of smp.items)
                if (item.t === 'scalar' && typeof item.value === 'string' && !item.value.includes('\n'))
                    patchFile(item.value.trim());
        inputs.push(...(scan.containers.get(k.file) ?? []).filter((c) => c.at.path.includes('#')));
        const overrides = readOverrides(scan, k.ctx, get(k.node, 'images'), 'images');
        let current = inputs;
        for (const o of overrides) {
            let matched = false;
            current = current.map((image) => {
                const value = applyOverride(image.value, o);
                if (value === undefined)
                    return image;
                matched = true;
                const at = { ...foundAt(k.ctx, indexPath('images', o.index), o.line, 'kustomize-images'), appliedTo: { image: image.value, file: image.at.file, path: image.at.path, line: image.at.line } };
                const problem = imageProblem(value);
                if (problem)
                    unresolved(scan, k.ctx, at.path, o.line, value, `images override ${problem}`);
                else
                    scan.found.push(imageFound((0,reference/* parseReference */.F2)(value), at));
                return { value, at };
            });
            if (!matched) {
                if (complete)
                    unresolved(scan, k.ctx, indexPath('images', o.index), o.line, o.name, 'images entry matches no container image of this kustomization\'s resources');
                else
                    recordStandingOverrides(scan, k.ctx, [o], 'images');
            }
        }
        return { images: current, complete };
    };
    const build = (k) => {
        const done = outputs.get(k.dir);
        if (done)
            return done;
        if (building.has(k.dir))
            return { images: [], complete: false };
        const out = run(k, undefined);
        outputs.set(k.dir, out);
        return out;
    };
    const all = [...scan.kustomizations.values()].sort((a, b) => (0,order/* compareBytes */.X)(a.dir, b.dir));
    for (const k of all)
        if (!isComponent(k))
            build(k);
    // A Component no kustomization here includes: what it applies to is unknown, so its entries stand as written.
    for (const k of all)
        if (isComponent(k) && !usedComponents.has(k.dir))
            recordStandingOverrides(scan, k.ctx, readOverrides(scan, k.ctx, get(k.node, 'images'), 'images'), 'images');
}
// ---------------------------------------------------------------------------------------------------------------
// Flux sources, charts and releases
const exactSemver = /^=?\s*(v?[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;
/** An exact version from a semver constraint (`6.14.0`, `=6.14.0`), else undefined. */
function exactVersion(constraint) {
    return exactSemver.exec(constraint.trim())?.[1];
}
function readSourceRef(node) {
    const kind = str(get(node, 'kind'));
    const name = str(get(node, 'name'));
    if (!kind || !name)
        return undefined;
    const namespace = str(get(node, 'namespace'));
    return { kind, name, ...(namespace ? { namespace } : {}) };
}
const formatSourceRef = (ref) => `${ref.kind}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
function commonPrefix(a, b) {
    const x = external_node_path_.posix.dirname(a).split('/');
    const y = external_node_path_.posix.dirname(b).split('/');
    let n = 0;
    while (n < x.length && n < y.length && x[n] === y[n])
        n++;
    return n;
}
/**
 * The objects a reference names: same kind and name, same namespace when both say; nearest first (same file,
 * then the longest shared directory), and every one of the nearest when several are equally near.
 */
function lookup(objects, ref, from) {
    const namespace = ref.namespace ?? from.namespace;
    const candidates = objects.filter((o) => o.kind === ref.kind && o.name === ref.name && (!namespace || !o.namespace || o.namespace === namespace));
    if (candidates.length <= 1)
        return candidates;
    const score = (o) => (o.ctx.file === from.ctx.file ? 10_000 : commonPrefix(o.ctx.file, from.ctx.file));
    const best = Math.max(...candidates.map(score));
    return candidates.filter((o) => score(o) === best);
}
function readOciRepository(scan, o) {
    const urlNode = getPath(o.node, 'spec', 'url');
    const url = str(urlNode);
    if (!url) {
        unresolved(scan, o.ctx, 'spec.url', o.node.line, '', 'OCIRepository without spec.url (a patch?)');
        return undefined;
    }
    const problem = /\$\{/.test(url) ? 'contains a variable' : !url.startsWith('oci://') ? 'is not an oci:// URL' : undefined;
    let ref;
    try {
        if (!problem)
            ref = (0,reference/* parseReference */.F2)(url);
    }
    catch (err) {
        unresolved(scan, o.ctx, 'spec.url', urlNode?.line ?? o.node.line, url, `OCIRepository URL ${err.message}`);
        return undefined;
    }
    if (problem || !ref || ref.tag || ref.digest) {
        unresolved(scan, o.ctx, 'spec.url', urlNode?.line ?? o.node.line, url, `OCIRepository URL ${problem ?? 'must name a repository, without tag or digest'}`);
        return undefined;
    }
    const refNode = getPath(o.node, 'spec', 'ref');
    const source = { ref: { registry: ref.registry, repository: ref.repository }, url, helmMediaType: /helm\.chart/.test(str(getPath(o.node, 'spec', 'layerSelector', 'mediaType')) ?? '') };
    const digest = str(get(refNode, 'digest'));
    const semver = inventory_text(get(refNode, 'semver'));
    const tag = inventory_text(get(refNode, 'tag'));
    if (digest) {
        try {
            (0,oci_digest/* parseDigest */.m)(digest);
            source.digest = digest;
        }
        catch (err) {
            unresolved(scan, o.ctx, 'spec.ref.digest', get(refNode, 'digest')?.line ?? o.node.line, digest, err.message);
        }
    }
    // Flux's precedence: digest, then semver, then tag; no ref at all means `latest`.
    if (semver)
        source.semver = semver;
    else if (tag)
        source.tag = tag;
    else if (!digest)
        source.tag = 'latest';
    return source;
}
function ociComponent(source, type, at, extra = {}) {
    const ref = { ...source.ref };
    if (source.tag)
        ref.tag = source.tag;
    if (source.digest)
        ref.digest = source.digest;
    const fields = { name: (0,reference/* repositoryName */.aR)(ref), registry: ref.registry, repository: ref.repository, url: `oci://${(0,reference/* repositoryName */.aR)(ref)}`, purl: ociPackageUrl(ref), ...extra };
    if (source.tag)
        fields.version = fields.tag = source.tag;
    if (source.digest)
        fields.digest = source.digest;
    let id = (0,reference/* formatReference */.FH)(ref);
    if (source.semver) {
        fields.versionConstraint = source.semver;
        const exact = exactVersion(source.semver);
        if (exact)
            fields.version = exact;
        id += `?semver=${source.semver}`;
    }
    return { type, id, fields, at };
}
function readHelmRepository(scan, o) {
    const urlNode = getPath(o.node, 'spec', 'url');
    const url = str(urlNode)?.replace(/\/+$/, '');
    if (!url) {
        unresolved(scan, o.ctx, 'spec.url', o.node.line, '', 'HelmRepository without spec.url (a patch?)');
        return undefined;
    }
    return { url, oci: str(getPath(o.node, 'spec', 'type')) === 'oci' || url.startsWith('oci://') };
}
function readGitRepository(o) {
    const url = str(getPath(o.node, 'spec', 'url'));
    if (!url)
        return undefined;
    const ref = getPath(o.node, 'spec', 'ref');
    const commit = str(get(ref, 'commit'));
    const name = str(get(ref, 'name'));
    const semver = inventory_text(get(ref, 'semver'));
    const tag = inventory_text(get(ref, 'tag'));
    const branch = str(get(ref, 'branch'));
    // Flux's precedence: commit, name, semver, tag, branch.
    const source = { url };
    if (commit)
        source.version = source.pin = commit;
    else if (name)
        source.version = name;
    else if (semver)
        source.semver = semver;
    else if (tag)
        source.version = source.pin = tag;
    else if (branch)
        source.version = branch;
    return source;
}
function gitComponent(source, at) {
    const fields = { name: source.url, url: source.url, sourceKind: 'GitRepository' };
    if (source.version)
        fields.version = source.version;
    if (source.semver)
        fields.versionConstraint = source.semver;
    const purl = gitPackageUrl(source.url, source.pin);
    if (purl)
        fields.purl = purl;
    const id = `${source.url}${source.version ? `@${source.version}` : ''}${source.semver ? `?semver=${source.semver}` : ''}`;
    return { type: 'source', id, fields, at };
}
function readBucket(o) {
    const bucket = str(getPath(o.node, 'spec', 'bucketName'));
    const endpoint = str(getPath(o.node, 'spec', 'endpoint'));
    if (!bucket || !endpoint)
        return undefined;
    const provider = str(getPath(o.node, 'spec', 'provider')) ?? 'generic';
    const scheme = provider === 'gcp' ? 'gs' : provider === 'azure' ? 'azblob' : 's3';
    return { bucket, url: `${scheme}://${endpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')}/${bucket}` };
}
/** A chart named in a HelmRelease, HelmChart or kustomize `helmCharts`, from the source it resolves to. */
function chartFound(scan, chart, version, source, at) {
    const exact = version ? exactVersion(version) : undefined;
    const constraint = version && !exact ? version : undefined;
    const versionFields = () => ({ ...(exact ? { version: exact } : {}), ...(constraint ? { versionConstraint: constraint } : {}) });
    if (source.helm?.oci) {
        const base = source.helm.url.replace(/^oci:\/\//, '');
        let ref;
        try {
            // Helm pushes a chart version as the tag, with `+` as `_`.
            ref = (0,reference/* parseReference */.F2)(`${base}/${chart}${exact ? `:${exact.replace(/\+/g, '_')}` : ''}`);
        }
        catch (err) {
            unresolved(scan, { file: at.file, document: at.document, ...(at.kind ? { kind: at.kind } : {}), ...(at.name ? { name: at.name } : {}) }, at.path, at.line, `${source.helm.url}/${chart}`, err.message);
            return undefined;
        }
        const oci = { ref: { registry: ref.registry, repository: ref.repository }, url: source.helm.url, helmMediaType: true };
        if (ref.tag)
            oci.tag = ref.tag;
        if (constraint)
            oci.semver = constraint;
        const found = ociComponent(oci, 'chart', at, { chart, sourceKind: 'HelmRepository' });
        if (exact)
            found.fields.version = exact;
        return found;
    }
    if (source.helm) {
        const fields = { name: chart, chart, url: source.helm.url, sourceKind: 'HelmRepository', purl: helmPackageUrl(chart, exact, source.helm.url), ...versionFields() };
        return { type: 'chart', id: `${source.helm.url}#${chart}${exact ? `@${exact}` : ''}${constraint ? `?version=${constraint}` : ''}`, fields, at };
    }
    if (source.git || source.bucket) {
        const path = external_node_path_.posix.normalize(chart).replace(/^\.\//, '').replace(/\/$/, '');
        const url = source.git?.url ?? source.bucket?.url ?? '';
        const fields = { name: path, chart: path, url, sourceKind: source.git ? 'GitRepository' : 'Bucket' };
        if (source.git?.version)
            fields.version = source.git.version;
        if (source.git?.semver)
            fields.versionConstraint = source.git.semver;
        const purl = source.git ? gitPackageUrl(source.git.url, source.git.pin, path) : undefined;
        if (purl)
            fields.purl = purl;
        return { type: 'chart', id: `${url}${fields.version ? `@${fields.version}` : ''}#${path}`, fields, at };
    }
    // The source is not in the tree: the chart is known by name and version only.
    const fields = { name: chart, chart, purl: helmPackageUrl(chart, exact), ...versionFields() };
    if (source.ref) {
        fields.sourceRef = formatSourceRef(source.ref);
        if (source.ref.kind === 'HelmRepository' || source.ref.kind === 'GitRepository' || source.ref.kind === 'Bucket')
            fields.sourceKind = source.ref.kind;
    }
    return { type: 'chart', id: `${fields.sourceRef ?? ''}#${chart}${exact ? `@${exact}` : ''}${constraint ? `?version=${constraint}` : ''}`, fields, at };
}
function resolveFlux(scan) {
    const objects = scan.flux;
    const of = (kind) => objects.filter((o) => o.kind === kind && o.group === (kind === 'HelmRelease' ? 'helm.toolkit.fluxcd.io' : kind === 'Kustomization' ? 'kustomize.toolkit.fluxcd.io' : 'source.toolkit.fluxcd.io'));
    const oci = new Map(of('OCIRepository').map((o) => [o, readOciRepository(scan, o)]));
    const helmRepos = new Map(of('HelmRepository').map((o) => [o, readHelmRepository(scan, o)]));
    const git = new Map(of('GitRepository').map((o) => [o, readGitRepository(o)]));
    const buckets = new Map(of('Bucket').map((o) => [o, readBucket(o)]));
    const charts = new Set();
    const at = (o, path, via) => {
        const node = getPath(o.node, ...path.split('.'));
        return foundAt(o.ctx, path, node?.line ?? o.node.line, via);
    };
    /**
     * A chart from `{chart, version, sourceRef}`: HelmRelease `spec.chart.spec`, HelmChart `spec` (`from` is the
     * object holding it, whose namespace and place resolve the sourceRef), found at `o`'s `path`.
     */
    const chartSpec = (o, from, spec, path, via) => {
        const chart = inventory_text(get(spec, 'chart'));
        const ref = readSourceRef(get(spec, 'sourceRef'));
        if (!chart || !ref) {
            unresolved(scan, from.ctx, from === o ? path : 'spec', spec?.line ?? from.node.line, chart ?? '', 'chart spec without chart or sourceRef');
            return;
        }
        const version = inventory_text(get(spec, 'version'));
        const targets = lookup(objects.filter((x) => x.group === 'source.toolkit.fluxcd.io'), ref, from);
        const here = at(o, path, via);
        const sources = targets
            .map((t) => ({ helm: helmRepos.get(t), git: git.get(t), bucket: buckets.get(t) }))
            .filter((s) => s.helm ?? s.git ?? s.bucket);
        if (sources.length === 0)
            sources.push({ helm: undefined, git: undefined, bucket: undefined });
        for (const source of sources) {
            const found = chartFound(scan, chart, version, { ...(source.helm ? { helm: source.helm } : {}), ...(source.git ? { git: source.git } : {}), ...(source.bucket ? { bucket: source.bucket } : {}), ref }, here);
            if (found)
                scan.found.push(found);
        }
    };
    for (const o of of('HelmChart'))
        chartSpec(o, o, get(o.node, 'spec'), 'spec', 'helm-chart');
    for (const o of of('HelmRelease')) {
        const spec = get(o.node, 'spec');
        const chartRef = readSourceRef(get(spec, 'chartRef'));
        if (chartRef) {
            const targets = lookup(objects, chartRef, o).filter((t) => t.kind === 'OCIRepository' || t.kind === 'HelmChart');
            if (targets.length === 0)
                unresolved(scan, o.ctx, 'spec.chartRef', get(spec, 'chartRef')?.line ?? o.node.line, formatSourceRef(chartRef), 'chartRef names no OCIRepository or HelmChart in the tree');
            for (const t of targets) {
                if (t.kind === 'HelmChart') {
                    chartSpec(o, t, get(t.node, 'spec'), 'spec.chartRef', 'helm-release');
                    continue;
                }
                const source = oci.get(t);
                if (!source)
                    continue;
                charts.add(t);
                scan.found.push(ociComponent(source, 'chart', at(o, 'spec.chartRef', 'helm-release'), { chart: source.ref.repository.split('/').pop() ?? '', sourceKind: 'OCIRepository' }));
            }
        }
        else if (get(getPath(spec, 'chart'), 'spec')) {
            chartSpec(o, o, getPath(spec, 'chart', 'spec'), 'spec.chart.spec', 'helm-release');
        }
        const renderers = get(spec, 'postRenderers');
        if (renderers?.t === 'seq') {
            renderers.items.forEach((r, i) => {
                const path = `spec.postRenderers[${i}].kustomize.images`;
                recordStandingOverrides(scan, o.ctx, readOverrides(scan, o.ctx, getPath(r, 'kustomize', 'images'), path), path);
            });
        }
    }
    for (const o of of('Kustomization')) {
        const path = 'spec.images';
        recordStandingOverrides(scan, o.ctx, readOverrides(scan, o.ctx, getPath(o.node, 'spec', 'images'), path), path);
    }
    for (const [o, source] of oci) {
        if (!source)
            continue;
        const type = charts.has(o) || source.helmMediaType ? 'chart' : 'source';
        scan.found.push(ociComponent(source, type, at(o, 'spec.url', 'flux-source'), { sourceKind: 'OCIRepository', ...(type === 'chart' ? { chart: source.ref.repository.split('/').pop() ?? '' } : {}) }));
    }
    for (const [o, source] of helmRepos) {
        if (!source)
            continue;
        scan.found.push({ type: 'source', id: source.url, fields: { name: source.url, url: source.url, sourceKind: 'HelmRepository' }, at: at(o, 'spec.url', 'flux-source') });
    }
    for (const [o, source] of git)
        if (source)
            scan.found.push(gitComponent(source, at(o, 'spec.url', 'flux-source')));
    for (const [o, source] of buckets) {
        if (!source)
            continue;
        scan.found.push({ type: 'source', id: source.url, fields: { name: source.url, url: source.url, sourceKind: 'Bucket' }, at: at(o, 'spec.bucketName', 'flux-source') });
    }
}
/** kustomize `helmCharts` (inflated by `kustomize build --enable-helm`). */
function kustomizeHelmCharts(scan) {
    for (const k of scan.kustomizations.values()) {
        const list = get(k.node, 'helmCharts');
        if (list?.t !== 'seq')
            continue;
        list.items.forEach((item, i) => {
            const name = inventory_text(get(item, 'name'));
            const repo = str(get(item, 'repo'))?.replace(/\/+$/, '');
            const path = indexPath('helmCharts', i);
            if (!name)
                return;
            const at = foundAt(k.ctx, path, item.line, 'kustomize-helm-chart');
            const helm = repo ? { url: repo, oci: repo.startsWith('oci://') } : undefined;
            const found = chartFound(scan, name, inventory_text(get(item, 'version')), helm ? { helm } : {}, at);
            if (!found)
                return;
            // kustomize pulls the chart itself: no Flux source is involved.
            delete found.fields.sourceKind;
            scan.found.push(found);
        });
    }
}
// ---------------------------------------------------------------------------------------------------------------
function compareFoundAt(a, b) {
    return (0,order/* compareBytes */.X)(a.file, b.file) || a.line - b.line || (0,order/* compareBytes */.X)(a.path, b.path) || (0,order/* compareBytes */.X)(a.via, b.via) || (0,order/* compareBytes */.X)(JSON.stringify(a.appliedTo ?? null), JSON.stringify(b.appliedTo ?? null));
}
const componentKeys = ['type', 'id', 'name', 'version', 'versionConstraint', 'digest', 'registry', 'repository', 'tag', 'url', 'chart', 'sourceKind', 'sourceRef', 'purl', 'foundAt'];
const foundAtKeys = ['file', 'document', 'kind', 'name', 'namespace', 'path', 'line', 'via', 'appliedTo'];
/** The same object with its keys in a fixed order and no undefined values, so JSON output is stable. */
function ordered(value, keys) {
    const out = {};
    for (const key of keys)
        if (value[key] !== undefined)
            out[key] = value[key];
    return out;
}
function merge(found) {
    const byKey = new Map();
    const seen = new Set();
    for (const f of found) {
        const key = `${f.type} ${f.id}`;
        let component = byKey.get(key);
        if (!component) {
            component = { type: f.type, id: f.id, ...f.fields, foundAt: [] };
            byKey.set(key, component);
        }
        const atKey = `${key}\n${JSON.stringify(f.at)}`;
        if (seen.has(atKey))
            continue;
        seen.add(atKey);
        component.foundAt.push(f.at);
    }
    const components = [...byKey.values()].map((c) => ordered({ ...c, foundAt: c.foundAt.sort(compareFoundAt).map((at) => ordered(at, foundAtKeys)) }, componentKeys));
    return components.sort((a, b) => (0,order/* compareBytes */.X)(a.type, b.type) || (0,order/* compareBytes */.X)(a.id, b.id));
}
async function listFiles(dir, options) {
    const skipped = [];
    if (options.files) {
        const files = [];
        for (const entry of options.files) {
            const name = external_node_path_.posix.normalize(entry.split('\\').join('/')).replace(/^\.\//, '');
            if (name.startsWith('../') || name === '..' || external_node_path_.posix.isAbsolute(name)) {
                skipped.push({ file: entry, reason: 'outside the directory' });
                continue;
            }
            if (isYamlName(name))
                files.push({ name, path: (0,external_node_path_.join)(dir, name) });
        }
        return { files: files.sort((a, b) => (0,order/* compareBytes */.X)(a.name, b.name)), skipped };
    }
    const { files: _files, ...walkOptions } = options;
    const files = [...walk_walkEntries(dir, walkOptions)]
        .filter((e) => e.type === 'file' && isYamlName(e.name))
        .map((e) => ({ name: e.name, path: e.source }));
    return { files, skipped };
}
/**
 * Every container image, Helm chart and Flux source the YAML under `dir` references, de-duplicated and sorted,
 * with where each was found. Reads files only: nothing is built, templated or run. Files that are not valid
 * YAML are skipped and reported; values that are not references (variables, templates) are reported as unresolved.
 */
async function findDeployedComponents(dir, options = {}) {
    const { files, skipped } = await listFiles(dir, options);
    const scan = { found: [], unresolved: [], containers: new Map(), flux: [], kustomizations: new Map(), files: new Set() };
    // Reads a window of files at once (a file at a time spends most of the time waiting on the thread pool), and
    // scans them in order, so the result does not depend on which read finished first.
    const window = 32;
    for (let start = 0; start < files.length; start += window) {
        const batch = files.slice(start, start + window);
        const reads = await Promise.all(batch.map((file) => (0,promises_.readFile)(file.path, 'utf8').then((content) => ({ content }), (error) => ({ error: error }))));
        batch.forEach((file, i) => scanFile(scan, skipped, file.name, reads[i]));
    }
    applyKustomizeImages(scan);
    resolveFlux(scan);
    kustomizeHelmCharts(scan);
    const unresolvedSorted = scan.unresolved.sort((a, b) => (0,order/* compareBytes */.X)(a.file, b.file) || a.line - b.line || (0,order/* compareBytes */.X)(a.path, b.path) || (0,order/* compareBytes */.X)(a.reason, b.reason));
    return {
        components: merge(scan.found),
        skipped: skipped.sort((a, b) => (0,order/* compareBytes */.X)(a.file, b.file)),
        unresolved: unresolvedSorted.filter((u, i) => i === 0 || JSON.stringify(u) !== JSON.stringify(unresolvedSorted[i - 1])),
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/sbom.ts






// CycloneDX 1.6 and SPDX 2.3 JSON documents of what a configuration artifact deploys, written directly (they
// are small, and a library would weigh on the bundled actions); the tests validate them against the official
// JSON schemas. Everything but the timestamp is deterministic: sorted, with identifiers derived from content.
/** Media types of the documents d2ci attaches to an artifact as referrers (OCI artifactType). */
const documentMediaTypes = {
    spdx: 'application/spdx+json',
    cyclonedx: 'application/vnd.cyclonedx+json',
    openvex: 'application/openvex+json',
};
class sbom_SbomError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SbomError';
    }
}
function readSubject(subject) {
    let ref;
    try {
        ref = (0,reference/* parseReference */.F2)(subject.repository);
    }
    catch (err) {
        throw new sbom_SbomError(`SBOM subject: ${err.message}`);
    }
    const tag = subject.tag ?? ref.tag;
    const digest = subject.digest ?? ref.digest;
    if (digest !== undefined) {
        try {
            (0,oci_digest/* parseDigest */.m)(digest);
        }
        catch (err) {
            throw new sbom_SbomError(`SBOM subject: ${err.message}`);
        }
    }
    const out = { ref: { registry: ref.registry, repository: ref.repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) } };
    if (subject.source)
        out.source = subject.source;
    if (subject.revision)
        out.revision = subject.revision;
    return out;
}
function timestampOf(options) {
    const value = options.timestamp ?? new Date();
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime()))
        throw new sbom_SbomError(`SBOM timestamp "${String(value)}" is not a valid date`);
    return (0,flux/* rfc3339 */.ag)(date);
}
// A fixed namespace for d2ci's name-based UUIDs.
const uuidNamespace = Buffer.from('8f1c7e52a3b94d0e9c6a2b5d7e4f1a30', 'hex');
/** An RFC 9562 version 5 (SHA-1, name-based) UUID: the same content always gives the same UUID. */
function uuidFromContent(content) {
    const hash = (0,external_node_crypto_.createHash)('sha1').update(uuidNamespace).update(content).digest();
    hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
    hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
    const hex = hash.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** `file:line Kind/name path (via)`, plus what a kustomize override rewrote. */
function formatFoundAt(at) {
    const object = at.kind ? ` ${at.kind}${at.name ? `/${at.namespace ? `${at.namespace}/` : ''}${at.name}` : ''}` : '';
    const applied = at.appliedTo ? `, rewrites ${at.appliedTo.image} at ${at.appliedTo.file}:${at.appliedTo.line} ${at.appliedTo.path}` : '';
    return `${at.file}:${at.line}${object} ${at.path} (${at.via}${applied})`;
}
function digestHash(digest) {
    if (!digest)
        return undefined;
    const { algorithm, hex } = (0,oci_digest/* parseDigest */.m)(digest);
    return { alg: algorithm === 'sha256' ? 'SHA-256' : 'SHA-512', hex };
}
const bomRef = (c) => `${c.type}:${c.id}`;
const subjectRef = (s) => `artifact:${(0,reference/* formatReference */.FH)(s.ref)}`;
function cycloneDxType(c) {
    return c.type === 'image' ? 'container' : c.type === 'chart' ? 'application' : 'data';
}
function properties(c) {
    const list = c.foundAt.map((at) => ({ name: 'd2ci:found-at', value: formatFoundAt(at) }));
    if (c.versionConstraint)
        list.push({ name: 'd2ci:version-constraint', value: c.versionConstraint });
    if (c.sourceKind)
        list.push({ name: 'd2ci:source-kind', value: c.sourceKind });
    if (c.sourceRef)
        list.push({ name: 'd2ci:source-ref', value: c.sourceRef });
    if (c.chart && c.type === 'chart')
        list.push({ name: 'd2ci:chart', value: c.chart });
    return list.sort((a, b) => (0,order/* compareBytes */.X)(a.name, b.name) || (0,order/* compareBytes */.X)(a.value, b.value));
}
/**
 * A Git repository's URL (`vcs`), an HTTP Helm repository's (`distribution`). Not `oci://` (the purl's
 * `repository_url` carries it, and CycloneDX validators check `iri-reference` against registered URI schemes)
 * nor buckets.
 */
function externalReferences(c) {
    if (!c.url || !/^(https?|ssh|git):\/\//.test(c.url) || c.sourceKind === 'Bucket')
        return [];
    return [{ type: c.sourceKind === 'GitRepository' ? 'vcs' : 'distribution', url: c.url }];
}
function cycloneDxComponent(c) {
    const out = { type: cycloneDxType(c), 'bom-ref': bomRef(c), name: c.name };
    const version = c.version ?? c.digest;
    if (version)
        out.version = version;
    const hash = digestHash(c.digest);
    if (hash)
        out.hashes = [{ alg: hash.alg, content: hash.hex }];
    if (c.purl)
        out.purl = c.purl;
    const refs = externalReferences(c);
    if (refs.length)
        out.externalReferences = refs;
    out.properties = properties(c);
    return out;
}
function subjectComponent(s) {
    const out = { type: 'data', 'bom-ref': subjectRef(s), name: (0,reference/* repositoryName */.aR)(s.ref) };
    const version = s.ref.digest ?? s.ref.tag;
    if (version)
        out.version = version;
    const hash = digestHash(s.ref.digest);
    if (hash)
        out.hashes = [{ alg: hash.alg, content: hash.hex }];
    out.purl = ociPackageUrl(s.ref);
    if (s.source && /^(https?|ssh|git):\/\//.test(s.source))
        out.externalReferences = [{ type: 'vcs', url: s.source }];
    const props = [];
    if (s.ref.tag)
        props.push({ name: 'd2ci:tag', value: s.ref.tag });
    if (s.revision)
        props.push({ name: 'org.opencontainers.image.revision', value: s.revision });
    if (s.source)
        props.push({ name: 'org.opencontainers.image.source', value: s.source });
    if (props.length)
        out.properties = props;
    return out;
}
function sortedComponents(inventory) {
    return [...inventory.components].sort((a, b) => (0,order/* compareBytes */.X)(a.type, b.type) || (0,order/* compareBytes */.X)(a.id, b.id));
}
/**
 * A CycloneDX 1.6 JSON BOM: the artifact as `metadata.component` (type `data`, `pkg:oci` purl), each image a
 * `container`, each chart an `application`, each other source `data`, with purls, digests as hashes, where each
 * was found as `d2ci:found-at` properties, and the artifact depending on every one. `serialNumber` is a UUID
 * derived from the content (not the timestamp), so the same inventory gives the same document.
 */
function cycloneDxDocument(inventory, subject, options = {}) {
    const s = readSubject(subject);
    const components = sortedComponents(inventory).map(cycloneDxComponent);
    const tool = { type: 'application', name: 'd2ci', ...(options.toolVersion ? { version: options.toolVersion } : {}) };
    const metadataComponent = subjectComponent(s);
    const document = {
        $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        serialNumber: '',
        version: 1,
        metadata: { timestamp: '', tools: { components: [tool] }, component: metadataComponent },
        components,
        dependencies: [{ ref: metadataComponent['bom-ref'], dependsOn: components.map((c) => c['bom-ref']) }],
    };
    document.serialNumber = `urn:uuid:${uuidFromContent(`cyclonedx\n${JSON.stringify(document)}`)}`;
    document.metadata.timestamp = timestampOf(options);
    return document;
}
/** `SPDXRef-<type>-<name>-<12 hex of the identity>`: readable, stable, and unique per component. */
function spdxId(c) {
    const slug = c.name
        .replace(/^[a-z]+:\/\//, '')
        .replace(/[^A-Za-z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 64);
    const hash = (0,external_node_crypto_.createHash)('sha256').update(`${c.type} ${c.id}`).digest('hex').slice(0, 12);
    return `SPDXRef-${c.type}-${slug ? `${slug}-` : ''}${hash}`;
}
function spdxPurpose(c) {
    if (c.type === 'image')
        return 'CONTAINER';
    if (c.type === 'chart')
        return 'APPLICATION';
    if (c.sourceKind === 'GitRepository')
        return 'SOURCE';
    return c.sourceKind === 'OCIRepository' ? 'ARCHIVE' : 'OTHER';
}
/** Where the exact package can be downloaded: a Git source as a VCS location, else NOASSERTION (OCI content has its purl). */
function downloadLocation(c) {
    if (c.sourceKind === 'GitRepository' && c.url && /^(https?|ssh):\/\//.test(c.url) && c.version) {
        return `git+${c.url}@${c.version}${c.type === 'chart' && c.chart ? `#${c.chart}` : ''}`;
    }
    return 'NOASSERTION';
}
function spdxPackage(c) {
    const out = { SPDXID: spdxId(c), name: c.name, downloadLocation: downloadLocation(c), filesAnalyzed: false, primaryPackagePurpose: spdxPurpose(c) };
    const version = c.version ?? c.digest;
    if (version)
        out.versionInfo = version;
    const hash = digestHash(c.digest);
    if (hash)
        out.checksums = [{ algorithm: hash.alg === 'SHA-256' ? 'SHA256' : 'SHA512', checksumValue: hash.hex }];
    if (c.purl)
        out.externalRefs = [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl }];
    const notes = [c.versionConstraint && `version constraint: ${c.versionConstraint}`, c.sourceRef && `source: ${c.sourceRef}`, c.url && `location: ${c.url}`, ...c.foundAt.map((at) => `found at ${formatFoundAt(at)}`)].filter((n) => Boolean(n));
    out.comment = notes.join('\n');
    return out;
}
/**
 * An SPDX 2.3 JSON document: the artifact as the package the document DESCRIBES, DEPENDS_ON each image, chart
 * and source package (`filesAnalyzed: false`, purl external references, digests as checksums). The namespace
 * ends in a UUID derived from the content (not the timestamp).
 */
function spdxDocument(inventory, subject, options = {}) {
    const s = readSubject(subject);
    const artifactId = 'SPDXRef-Artifact';
    const artifact = { SPDXID: artifactId, name: (0,reference/* repositoryName */.aR)(s.ref), downloadLocation: 'NOASSERTION', filesAnalyzed: false, primaryPackagePurpose: 'ARCHIVE' };
    const version = s.ref.digest ?? s.ref.tag;
    if (version)
        artifact.versionInfo = version;
    const hash = digestHash(s.ref.digest);
    if (hash)
        artifact.checksums = [{ algorithm: hash.alg === 'SHA-256' ? 'SHA256' : 'SHA512', checksumValue: hash.hex }];
    artifact.externalRefs = [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: ociPackageUrl(s.ref) }];
    const notes = [s.ref.tag && `tag: ${s.ref.tag}`, s.source && `source: ${s.source}`, s.revision && `revision: ${s.revision}`].filter((n) => Boolean(n));
    if (notes.length)
        artifact.comment = notes.join('\n');
    const packages = sortedComponents(inventory).map(spdxPackage);
    const ids = new Set([artifactId]);
    for (const p of packages) {
        if (ids.has(p.SPDXID))
            throw new sbom_SbomError(`two components share the SPDX identifier ${p.SPDXID}`);
        ids.add(p.SPDXID);
    }
    const document = {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: (0,reference/* formatReference */.FH)(s.ref),
        documentNamespace: '',
        creationInfo: { created: '', creators: [`Tool: d2ci${options.toolVersion ? `-${options.toolVersion}` : ''}`] },
        packages: [artifact, ...packages],
        relationships: [
            { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: artifactId },
            ...packages.map((p) => ({ spdxElementId: artifactId, relationshipType: 'DEPENDS_ON', relatedSpdxElement: p.SPDXID })),
        ],
    };
    const base = (options.namespaceBase ?? 'https://spdx.org/spdxdocs/d2ci').replace(/\/+$/, '');
    const slug = (0,reference/* repositoryName */.aR)(s.ref).replace(/[^A-Za-z0-9.-]+/g, '-');
    document.documentNamespace = `${base}/${slug}-${uuidFromContent(`spdx\n${base}\n${JSON.stringify(document)}`)}`;
    document.creationInfo.created = timestampOf(options);
    return document;
}
/**
 * Which kind of document a user gave, by its content: SPDX 2.x JSON (`spdxVersion`), CycloneDX JSON
 * (`bomFormat: CycloneDX`) or OpenVEX (`@context` https://openvex.dev/ns…). Accepts the parsed JSON, its text or
 * bytes; throws an SbomError saying what was found otherwise.
 */
function detectDocumentType(json) {
    let value = json;
    if (typeof value === 'string' || value instanceof Uint8Array) {
        const text = (typeof value === 'string' ? value : Buffer.from(value).toString('utf8')).replace(/^\uFEFF/, '').trim();
        if (text.startsWith('<'))
            throw new sbom_SbomError('the document is XML; give SPDX, CycloneDX or OpenVEX as JSON');
        try {
            value = JSON.parse(text);
        }
        catch (err) {
            throw new sbom_SbomError(`the document is not JSON (${err.message}); give an SPDX, CycloneDX or OpenVEX JSON document`);
        }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new sbom_SbomError(`the document is ${Array.isArray(value) ? 'a JSON array' : `JSON ${value === null ? 'null' : typeof value}`}; expected an SPDX, CycloneDX or OpenVEX JSON object`);
    }
    const doc = value;
    if (typeof doc.spdxVersion === 'string' && /^SPDX-/.test(doc.spdxVersion)) {
        return { format: 'spdx', mediaType: documentMediaTypes.spdx, version: doc.spdxVersion.slice('SPDX-'.length) };
    }
    if (doc.bomFormat === 'CycloneDX') {
        return { format: 'cyclonedx', mediaType: documentMediaTypes.cyclonedx, ...(typeof doc.specVersion === 'string' ? { version: doc.specVersion } : {}) };
    }
    const context = doc['@context'];
    const contexts = (Array.isArray(context) ? context : [context]).filter((c) => typeof c === 'string');
    const openvex = contexts.find((c) => /^https:\/\/openvex\.dev\/ns(\/|$)/.test(c));
    if (openvex) {
        const version = /^https:\/\/openvex\.dev\/ns\/v?([0-9][^/]*)/.exec(openvex)?.[1];
        return { format: 'openvex', mediaType: documentMediaTypes.openvex, ...(version ? { version } : {}) };
    }
    if (contexts.some((c) => /spdx\.org\/rdf\/3/.test(c))) {
        throw new sbom_SbomError('the document is SPDX 3 (JSON-LD), which is not supported; give SPDX 2.x JSON, CycloneDX or OpenVEX');
    }
    const keys = Object.keys(doc).slice(0, 8);
    throw new sbom_SbomError(`the document is not SPDX, CycloneDX or OpenVEX JSON: expected "spdxVersion", "bomFormat": "CycloneDX" or an OpenVEX "@context" (https://openvex.dev/ns/…); its keys are ${keys.length ? keys.map((k) => JSON.stringify(k)).join(', ') : 'none'}${Object.keys(doc).length > keys.length ? ', …' : ''}`);
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/documents.ts
// SBOM and VEX documents attached to an artifact as OCI 1.1 referrers, optionally also as signed in-toto
// attestations, so registries, Trivy-style scanners (they look for these artifact types) and cosign find them.







/** A user's SPDX, CycloneDX or OpenVEX JSON file, recognised by its content. */
async function readDocument(path) {
    let content;
    try {
        content = await (0,promises_.readFile)(path);
    }
    catch (err) {
        throw new sbom_SbomError(`cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
    }
    let detected;
    try {
        detected = detectDocumentType(content);
    }
    catch (err) {
        if (err instanceof sbom_SbomError)
            throw new sbom_SbomError(`${(0,external_node_path_.basename)(path)}: ${err.message}`);
        throw err;
    }
    return { format: detected.format, mediaType: detected.mediaType, content, source: (0,external_node_path_.basename)(path) };
}
/** The SBOM of what a tree deploys (images, charts, sources), as CycloneDX or SPDX JSON. */
async function generateSbom(dir, format, subject, options = {}) {
    const { timestamp, ...walk } = options;
    const inventory = await findDeployedComponents(dir, walk);
    const document = format === 'cyclonedx' ? cycloneDxDocument(inventory, subject, { timestamp }) : spdxDocument(inventory, subject, { timestamp });
    return { format, mediaType: documentMediaTypes[format], content: Buffer.from(`${JSON.stringify(document, null, 2)}\n`), source: 'generated' };
}
/**
 * Attaches each document to `subject` as a referrer whose artifactType is the document's media type, and, with
 * `attest`, also as a signed in-toto attestation (the same signer as the artifact's signature, so one certificate).
 */
async function attachDocuments(target, subject, documents, options = {}) {
    const attached = [];
    for (const document of documents) {
        const referrer = await (0,attach/* attachReferrer */.v)(target, subject, {
            artifactType: document.mediaType,
            content: document.content,
            annotations: { 'org.opencontainers.image.created': (0,flux/* rfc3339 */.ag)(new Date()), ...(document.source !== 'generated' ? { 'org.opencontainers.image.title': document.source } : {}) },
        });
        const entry = { format: document.format, mediaType: document.mediaType, source: document.source, referrer };
        if (options.attest) {
            const attestation = await attestDocument(target, subject, { identity: options.attest.identity, signer: options.attest.signer, predicateType: attest_predicateTypes[document.format], predicate: JSON.parse(document.content.toString('utf8')) });
            entry.attestation = attestation.referrer;
        }
        attached.push(entry);
    }
    return attached;
}
/** `spdx`, `cyclonedx`, `openvex` or a predicate type URI, as the predicate type to require. */
function attestationPredicateType(name) {
    const known = predicateTypes[name.trim().toLowerCase()];
    if (known)
        return known;
    if (/^https?:\/\//.test(name.trim()))
        return name.trim();
    throw new SbomError(`"${name}" is not spdx, cyclonedx, openvex or a predicate type URI`);
}

// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 1 modules
var oci_open = __nccwpck_require__(2328);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var content = __nccwpck_require__(3632);
// EXTERNAL MODULE: ../../packages/core/src/oci/memory.ts
var memory = __nccwpck_require__(6198);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __nccwpck_require__(8613);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var descriptor = __nccwpck_require__(7796);
;// CONCATENATED MODULE: ../../packages/core/src/oci/target.ts
function canMount(target) {
    return typeof target.mount === 'function';
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/concurrency.ts
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

;// CONCATENATED MODULE: ../../packages/core/src/oci/copy.ts






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
            await dst.push(root.descriptor, (0,content/* bytesSource */.Xl)(root.bytes));
        }
    }
    if (options.beforeTag)
        await options.beforeTag(root.descriptor);
    const results = await mapLimit(tags, 4, async (tag) => {
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
 * when the tag turns out to point at the manifest already.
 */
async function applyTag(dst, root, tag, options) {
    if (options.lookFirst && (await currentDigest(dst, tag)) === root.descriptor.digest)
        return { tag, changed: false };
    try {
        await dst.pushReference(root.descriptor, root.bytes, tag);
        return { tag, changed: true };
    }
    catch (err) {
        if (err instanceof errors/* OciError */.Mf && err.status !== undefined && err.status >= 400 && err.status < 500 && (await currentDigest(dst, tag).catch(() => undefined)) === root.descriptor.digest) {
            return { tag, changed: false };
        }
        throw immutableTagError(err, dst.name, tag) ?? err;
    }
}
/**
 * ECR's answer to moving an immutable tag (`400 TAG_INVALID … cannot be overwritten because the tag is immutable`)
 * as an error that names the tag and the fix; undefined for other errors.
 */
function immutableTagError(err, repository, tag) {
    if (!(err instanceof errors/* OciError */.Mf) || err.code !== 'TAG_INVALID' || !/immutable/i.test(err.message))
        return undefined;
    return new errors/* OciError */.Mf('TAG_INVALID', `tag "${tag}" of ${repository} is immutable in the registry and already points at another manifest, so it cannot be moved`, {
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
        if ((0,errors/* isNotFound */.c4)(err))
            return undefined;
        throw err;
    }
}
async function copyChildren(src, node, dst, options, report) {
    const { manifest } = (0,descriptor/* parseManifest */.Ng)(node.bytes, node.descriptor.mediaType);
    const unique = [...new Map((0,descriptor/* successors */.ir)(manifest).map((d) => [d.digest, d])).values()];
    await mapLimit(unique, options.concurrency ?? 4, async (child) => {
        if ((0,media_types/* isManifestMediaType */.CM)(child.mediaType)) {
            if (await dst.exists(child))
                return;
            const bytes = await (0,content/* readAll */.yw)(await src.fetch(child));
            await copyChildren(src, { descriptor: child, bytes }, dst, options, report);
            await dst.push(child, (0,content/* bytesSource */.Xl)(bytes));
            return;
        }
        let result = 'exists';
        if (!(await dst.exists(child))) {
            if (options.mountFrom && canMount(dst)) {
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

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __nccwpck_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
// EXTERNAL MODULE: ../../node_modules/tar-stream/index.js
var tar_stream = __nccwpck_require__(6474);
;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
;// CONCATENATED MODULE: external "node:vm"
const external_node_vm_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:vm");
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
            (0,external_node_v8_namespaceObject.setFlagsFromString)('--expose_gc');
            collect = (0,external_node_vm_namespaceObject.runInNewContext)('gc');
        }
        catch {
            collect = null;
        }
    }
    // A minor (young-generation) collection is enough: the dead chunks' wrappers are young, and it takes ~1 ms.
    collect?.({ type: 'minor', execution: 'sync' });
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/build.ts








/** Gzip level of every layer we write; fixed, so the same tree always gives the same digest. Go's default. */
const gzipLevel = 6;
const epoch = new Date(0);
/** Files up to this size are read whole; larger ones are streamed. */
const smallFile = 1 << 20;
/** Size of the writes zlib sees: each write is a thread-pool round trip, so 512-byte tar headers must be batched. */
const batchBytes = 256 << 10;
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
/** Joins small writes into `batchBytes` chunks. The bytes are unchanged; only their grouping is. */
class Batch extends external_node_stream_.Transform {
    #chunks = [];
    #size = 0;
    _transform(chunk, _encoding, callback) {
        this.#chunks.push(chunk);
        this.#size += chunk.length;
        if (this.#size >= batchBytes)
            this.#emit();
        callback();
    }
    _flush(callback) {
        this.#emit();
        callback();
    }
    #emit() {
        if (this.#size === 0)
            return;
        this.push(this.#chunks.length === 1 ? this.#chunks[0] : Buffer.concat(this.#chunks, this.#size));
        this.#chunks = [];
        this.#size = 0;
    }
}
/**
 * Sets the gzip header's OS byte to 255 ("unknown"), as Go writes it. zlib writes the build platform there
 * (3 on Unix, 10 on Windows), which would make the layer digest depend on the runner's OS.
 */
class PortableGzipHeader extends external_node_stream_.Transform {
    #offset = 0;
    _transform(chunk, _encoding, callback) {
        const osByte = 9 - this.#offset;
        if (osByte >= 0 && osByte < chunk.length) {
            chunk = Buffer.from(chunk);
            chunk[osByte] = 0xff;
        }
        this.#offset += chunk.length;
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
    const gzip = (0,external_node_zlib_.createGzip)({ level: gzipLevel, memLevel: 8, strategy: external_node_zlib_.constants.Z_DEFAULT_STRATEGY, chunkSize: batchBytes, highWaterMark: queueBytes });
    const done = (0,external_node_stream_promises_.pipeline)([pack, new Batch({ highWaterMark: queueBytes }), tarTap, gzip, new PortableGzipHeader(), gzTap, sink]);
    let files = 0;
    const writing = (async () => {
        for (const entry of entries) {
            const header = { name: entry.name, mode: entry.mode, uid: 0, gid: 0, uname: '', gname: '', mtime: epoch, size: entry.type === 'file' ? entry.size : 0, type: entry.type };
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
                    const sinkEntry = pack.entry(header, (err) => (err ? reject(err) : resolve()));
                    (0,external_node_fs_.createReadStream)(entry.source, { highWaterMark: batchBytes })
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
        throw new Error(`file "${entry.name}" changed while it was being packed`);
    return content;
}
/** Packs a directory (or file) into a gzipped tarball at `output`; returns its digests and sizes. */
async function buildLayer(options, output) {
    return writeLayer(walkEntries(options.path, options), createWriteStream(output));
}
/** Computes the layer digest of a directory without writing anything (what `diff` compares). */
async function hashLayer(options) {
    return writeLayer(walk_walkEntries(options.path, options));
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/manifest.ts



function artifactAnnotations(metadata, now = new Date()) {
    const created = metadata.created ?? (metadata.reproducible ? flux/* reproducibleCreated */.Jl : (0,flux/* rfc3339 */.ag)(now));
    return (0,descriptor/* sortedAnnotations */.sk)({
        [flux/* Annotation */.YH.created]: created,
        [flux/* Annotation */.YH.source]: metadata.source,
        [flux/* Annotation */.YH.revision]: metadata.revision,
        ...metadata.annotations,
    });
}
/** Go's zero time, which go-containerregistry writes for an unset `created`. */
const goZeroTime = '0001-01-01T00:00:00Z';
/**
 * The config blob go-containerregistry writes for Flux 2.6–2.8 (a `v1.ConfigFile`, 233 bytes): the uncompressed
 * tar's digest in `rootfs.diff_ids` and Go's zero time as `created`. Flux 2.9 copies the creation time in, but no
 * consumer reads it; keeping it out makes the config depend on the content only, so an unchanged tree pushed again
 * uploads no blob at all. The time stays in the manifest's `org.opencontainers.image.created` annotation.
 */
function fluxConfig(diffId) {
    return Buffer.from(JSON.stringify({
        architecture: '',
        created: goZeroTime,
        history: [{ created: goZeroTime }],
        os: '',
        rootfs: { type: 'layers', diff_ids: [diffId] },
        config: {},
    }));
}
/** The OCI image manifest of a Flux artifact: Flux config, one tar+gzip content layer, the annotations. */
function fluxManifest(layer, metadata, now) {
    const annotations = artifactAnnotations(metadata, now);
    const config = fluxConfig(layer.diffId);
    const configDescriptor = (0,descriptor/* plainDescriptor */.UM)((0,descriptor/* descriptorFor */.RZ)(flux/* FluxMediaType */.u7.config, config));
    const layerDescriptor = (0,descriptor/* plainDescriptor */.UM)({ mediaType: flux/* FluxMediaType */.u7.content, digest: layer.digest, size: layer.size });
    const body = {
        schemaVersion: 2,
        mediaType: media_types/* MediaType */.zu.ociManifest,
        config: configDescriptor,
        layers: [layerDescriptor],
        annotations,
    };
    const manifest = Buffer.from(JSON.stringify(body));
    return { manifest, descriptor: (0,descriptor/* descriptorFor */.RZ)(media_types/* MediaType */.zu.ociManifest, manifest), config, configDescriptor, layerDescriptor, annotations };
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/push.ts













/**
 * Packs a directory into a Flux artifact and pushes it: blobs first, then the manifest, then (after the
 * optional `beforeTag` step) the tags. With `diffTag`, unchanged content is not pushed again; its tags are
 * still applied to what `diffTag` holds, as the D2 push action does.
 */
async function pushArtifact(options) {
    const tags = [...new Set([...(options.diffTag ? [options.diffTag] : []), ...(options.tags ?? [])])];
    if (tags.length === 0)
        tags.push('latest');
    tags.forEach(reference/* assertValidTag */.b5);
    // Ask for the diff-tag's manifest first, so the registry round trip (and any token exchange) overlaps packing.
    const current = options.diffTag ? fetchIfExists(options.target, options.diffTag) : undefined;
    current?.catch(() => undefined); // awaited below; a bad path must not leave this rejection unhandled
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tempDir ?? (0,external_node_os_.tmpdir)(), 'd2ci-push-'));
    try {
        const layerFile = (0,external_node_path_.join)(work, 'layer.tar.gz');
        const layer = await writeLayer(walk_walkEntries(options.path, options), (0,external_node_fs_.createWriteStream)(layerFile));
        if (layer.files === 0)
            throw new ArtifactPathError(`path "${options.path}" has no files to pack (after ignore rules)`);
        if (options.diffTag && current) {
            const existing = await current;
            const remoteLayer = existing && firstLayer(existing);
            if (existing && remoteLayer?.digest === layer.digest && remoteLayer.size === layer.size) {
                const results = [];
                for (const tag of tags)
                    results.push(tag === options.diffTag ? { tag, changed: false } : await applyTag(options.target, existing, tag, { lookFirst: true }));
                const { manifest } = (0,descriptor/* parseManifest */.Ng)(existing.bytes, existing.descriptor.mediaType);
                return { pushed: false, reason: `content unchanged since ${options.diffTag}`, descriptor: existing.descriptor, tags: results, layer, annotations: manifest.annotations ?? {}, blobs: [] };
            }
        }
        const built = fluxManifest(layer, options);
        const staging = new memory/* MemoryStore */.n('staging');
        staging.stage(built.configDescriptor, (0,content/* bytesSource */.Xl)(built.config));
        staging.stage(built.layerDescriptor, (0,content/* fileSource */.IO)(layerFile, layer.size));
        staging.stage(built.descriptor, (0,content/* bytesSource */.Xl)(built.manifest));
        const copied = await copyGraph(staging, { descriptor: built.descriptor, bytes: built.manifest }, options.target, {
            tags,
            // A fresh `created` makes the manifest new; only a reproducible one can already be there.
            checkRoot: options.reproducible === true || options.created !== undefined,
            beforeTag: options.beforeTag,
            concurrency: options.concurrency,
        });
        const reason = !options.diffTag ? 'no diff-tag set' : copied.existed ? `identical artifact already in ${options.target.name}` : `content differs from ${options.diffTag}`;
        return { pushed: true, reason, descriptor: built.descriptor, tags: copied.tags, layer, annotations: built.annotations, blobs: copied.blobs };
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}
/** The manifest at a reference, or undefined when the tag does not exist. */
async function fetchIfExists(target, reference) {
    try {
        return await target.fetchManifest(reference);
    }
    catch (err) {
        if ((0,errors/* isNotFound */.c4)(err))
            return undefined;
        throw err;
    }
}
function firstLayer(fetched) {
    const { manifest } = (0,descriptor/* parseManifest */.Ng)(fetched.bytes, fetched.descriptor.mediaType);
    return (0,descriptor/* isIndex */.nw)(manifest) ? undefined : manifest.layers[0];
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/diff.ts



/** Compares a local tree with an artifact's first layer, without downloading the layer. */
async function diffArtifact(options) {
    const [local, fetched] = await Promise.all([hashLayer(options), fetchIfExists(options.target, options.reference)]);
    if (!fetched)
        return { identical: false, reason: `${options.reference} not found in ${options.target.name}`, local };
    const { manifest } = (0,descriptor/* parseManifest */.Ng)(fetched.bytes, fetched.descriptor.mediaType);
    const layer = (0,descriptor/* isIndex */.nw)(manifest) ? undefined : manifest.layers[0];
    if (!layer)
        return { identical: false, reason: `${options.reference} has no layers`, local };
    const remote = { digest: layer.digest, size: layer.size, manifestDigest: fetched.descriptor.digest };
    const identical = layer.digest === local.digest && layer.size === local.size;
    return { identical, reason: identical ? 'no changes detected' : 'the remote artifact contents differs from the local one', local, remote };
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/components.ts







const componentName = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
/**
 * The directories a glob such as `components/*` matches under `root`, sorted by name. Each name must be a valid
 * OCI repository path element (it becomes `<repository>/<name>`); files are ignored.
 */
async function findComponents(root, pattern) {
    const found = [];
    for await (const entry of (0,promises_.glob)(pattern, { cwd: root, withFileTypes: true })) {
        if (!entry.isDirectory())
            continue;
        const path = (0,external_node_path_.join)(entry.parentPath, entry.name);
        found.push({ name: entry.name, path, relative: (0,external_node_path_.relative)(root, path).split('\\').join('/') });
    }
    if (found.length === 0)
        throw new ArtifactPathError(`"${pattern}" matches no directory`);
    const bad = found.filter((c) => !componentName.test(c.name)).map((c) => c.relative);
    if (bad.length)
        throw new ArtifactPathError(`component directories must be lowercase repository names (letters, digits, ".", "_", "-"): ${bad.join(', ')}`);
    const names = new Map();
    for (const c of found) {
        const other = names.get(c.name);
        if (other)
            throw new ArtifactPathError(`"${pattern}" matches two directories named ${c.name} (${other}, ${c.relative}); each becomes <repository>/${c.name}`);
        names.set(c.name, c.relative);
    }
    return found.sort((a, b) => (0,order/* compareBytes */.X)(a.name, b.name));
}
function report(component, target, outcome) {
    return outcome.ok ? { component, target: target.name, ok: true, result: outcome.value } : { component, target: target.name, ok: false, error: outcome.error };
}
/**
 * Pushes every component, several at a time. Each is independent and complete on its own (blobs, manifest,
 * signature, then tags); one failing stops none of the others, and every outcome is reported.
 */
async function pushComponents(components, options) {
    const { open, beforeTag, concurrency, ...push } = options;
    const targets = components.map(open);
    const outcomes = await settleLimit(components, concurrency ?? 6, (component, i) => {
        const target = targets[i];
        return pushArtifact({ ...push, path: component.path, target, beforeTag: beforeTag?.(target, component) });
    });
    return outcomes.map((outcome, i) => report(components[i], targets[i], outcome));
}
/** Which components differ from what `reference` (e.g. `latest`) holds: the fan-out plan for a CI matrix. */
async function planComponents(components, options) {
    const { open, reference, concurrency, ...walk } = options;
    const targets = components.map(open);
    const outcomes = await settleLimit(components, concurrency ?? 8, (component, i) => diffArtifact({ ...walk, path: component.path, target: targets[i], reference }));
    return outcomes.map((outcome, i) => report(components[i], targets[i], outcome));
}

// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 21 modules
var src = __nccwpck_require__(5133);
;// CONCATENATED MODULE: ./src/main.ts


/** Turns what went wrong into the one line a user needs: the input to fix, or the permission to add. */
async function explain(err, inputs, location, credentials, pathInput = inputs.pathInput) {
    if (err instanceof sign/* UntaggedSigningError */.tu)
        return err;
    if (err instanceof ArtifactPathError) {
        const name = inputs.components ? 'components' : 'path';
        // A name Flux's Untar refuses is fixed by renaming or ignoring it, whatever the name says (even "symlink").
        const symlink = !(err instanceof UnpackableNameError) && /symlink/.test(err.message);
        return new src/* InputError */.dz(name, `${err.message.replace(/^path "[^"]*" /, `"${pathInput}" `)}; check \`${name}\`${symlink ? ' (or leave `resolve-symlinks` off)' : ' and `ignore-paths`'}`);
    }
    if (err instanceof errors/* OciError */.Mf && err.code === 'NETWORK' && (0,http/* networkErrorCode */.a0)(err.cause) === 'ENOTFOUND')
        return new src/* InputError */.dz('repository', `${err.message} in "${inputs.repository}"`);
    if (location.kind === 'registry') {
        const { registry, repository } = location.reference;
        return withAuthHint(err, { registry, repository, hasCredentials: (await credentials(registry).catch(() => undefined)) !== undefined, vocabulary: 'action', provider: inputs.registry.provider });
    }
    return err;
}
function pushOptions(inputs) {
    return {
        tags: inputs.tags,
        diffTag: inputs.diffTag,
        ignorePaths: inputs.ignorePaths,
        sourceIgnore: inputs.sourceIgnore,
        resolveSymlinks: inputs.resolveSymlinks,
        source: inputs.source,
        revision: inputs.revision,
        reproducible: inputs.reproducible,
        annotations: inputs.annotations,
        tempDir: inputs.context.runnerTemp,
    };
}
async function prepareSigning(inputs) {
    const signing = inputs.signing;
    if (!signing)
        return undefined;
    if (signing.kind === 'notation') {
        const signer = await signing.signer;
        const steps = new Map();
        return {
            step: (target, key) => {
                const step = (0,sign/* signNotationBeforeTagging */.wh)(target, signer);
                steps.set(key, step);
                return step.beforeTag;
            },
            result: (key) => steps.get(key)?.result(),
        };
    }
    const bundleSigner = await (0,sign_signer/* createBundleSigner */.B5)(signing.identity);
    const each = await (0,sign/* signEachBeforeTagging */.pS)({ identity: signing.identity, format: signing.format, signer: bundleSigner });
    return { step: each.beforeTag, result: each.result, bundleSigner };
}
/** The user's documents, read and recognised before anything is pushed. */
async function userDocuments(inputs) {
    try {
        return await Promise.all(inputs.documents.files.map((file) => readDocument(file)));
    }
    catch (err) {
        if (err instanceof sbom_SbomError)
            throw new src/* InputError */.dz('attach', err.message);
        throw err;
    }
}
/** The step that attaches the documents (after signing, before the tags move), and what it attached. */
function documentsStep(inputs, target, path, files, signer) {
    let attached = [];
    return {
        run: async (descriptor) => {
            const generated = inputs.documents.sbom
                ? [await generateSbom(path, inputs.documents.sbom, { repository: target.name, digest: descriptor.digest, source: inputs.source, revision: inputs.revision }, { ignorePaths: inputs.ignorePaths, sourceIgnore: inputs.sourceIgnore, resolveSymlinks: inputs.resolveSymlinks })]
                : [];
            const attest = inputs.documents.attest && inputs.signing?.kind === 'cosign' ? { identity: inputs.signing.identity, signer } : undefined;
            attached = await attachDocuments(target, descriptor, [...generated, ...files], { attest });
        },
        attached: () => attached,
    };
}
function referrersOutput(attached) {
    return JSON.stringify(attached.map((a) => ({ format: a.format, mediaType: a.mediaType, source: a.source, digest: a.referrer.digest, attestation: a.attestation?.digest ?? '' })));
}
function signatureCell(signed, pushed, format) {
    if (signed)
        return `${format} signature by \`${(0,src/* cell */.Hn)(signed.identity)}\`${signed.rekorLogIndex ? ` (Rekor #${signed.rekorLogIndex})` : ''}`;
    return pushed ? 'not signed (`sign: false`)' : 'already signed when pushed';
}
async function pushOne(inputs, client, credentials) {
    const target = (0,oci_open/* openTarget */.Ap)(inputs.location, client);
    const name = (0,oci_open/* locationName */.zb)(inputs.location);
    const files = await userDocuments(inputs);
    const signing = await prepareSigning(inputs);
    const sign = signing?.step(target, name);
    const documents = inputs.documents.sbom || files.length ? documentsStep(inputs, target, inputs.path, files, signing?.bundleSigner) : undefined;
    // Only when there is something to do before the tags move: without it the manifest is stored by tag directly.
    const beforeTag = sign || documents
        ? async (descriptor) => {
            await sign?.(descriptor);
            await documents?.run(descriptor);
        }
        : undefined;
    let result;
    try {
        result = await pushArtifact({ ...pushOptions(inputs), path: inputs.path, target, beforeTag });
    }
    catch (err) {
        throw await explain(err, inputs, inputs.location, credentials);
    }
    const digest = result.descriptor.digest;
    const tags = result.tags.map((t) => t.tag);
    const signed = signing?.result(name);
    src/* runner.info */.lj.info(`Packed ${result.layer.files} files from ${inputs.pathInput}: ${(0,src/* formatBytes */.z3)(result.layer.size)} (layer ${result.layer.digest})`);
    if (result.pushed) {
        const uploaded = result.blobs.filter((b) => b.result !== 'exists');
        src/* runner.info */.lj.info(`Pushed ${name}@${digest} (${result.reason}; ${uploaded.length} of ${result.blobs.length} blobs uploaded)`);
    }
    else {
        src/* runner.info */.lj.info(`Not pushed: ${result.reason} (${name}@${digest})`);
    }
    if (signed)
        src/* runner.info */.lj.info(`Signed as ${signed.identity} (${inputs.signing?.format}): ${signed.signatureRef}${signed.rekorLogIndex ? `, Rekor log index ${signed.rekorLogIndex}` : ''}`);
    const attached = documents?.attached() ?? [];
    for (const a of attached)
        src/* runner.info */.lj.info(`Attached ${a.source === 'generated' ? `a generated ${a.format} SBOM` : `${a.source} (${a.format})`}: ${name}@${a.referrer.digest}${a.attestation ? `, attested: ${name}@${a.attestation.digest}` : ''}`);
    for (const t of result.tags)
        src/* runner.info */.lj.info(`${t.changed ? 'Tagged' : 'Already tagged'} ${name}:${t.tag}`);
    src/* runner.setOutput */.lj.setOutput('pushed', String(result.pushed));
    // As the D2 push action: digests only for a new push, so `if: steps.push.outputs.pushed` signs exactly that.
    src/* runner.setOutput */.lj.setOutput('digest', result.pushed ? digest : '');
    src/* runner.setOutput */.lj.setOutput('digest-url', result.pushed ? `${name}@${digest}` : '');
    src/* runner.setOutput */.lj.setOutput('tags', JSON.stringify(tags));
    src/* runner.setOutput */.lj.setOutput('signature-ref', signed?.signatureRef ?? '');
    src/* runner.setOutput */.lj.setOutput('rekor-log-index', signed?.rekorLogIndex ?? '');
    src/* runner.setOutput */.lj.setOutput('referrers', referrersOutput(attached));
    const uploadedBytes = result.blobs.filter((b) => b.result === 'uploaded').reduce((sum, b) => sum + b.descriptor.size, 0);
    src/* runner.appendSummary */.lj.appendSummary([
        '### Flux artifact',
        '',
        '| Repository | Tags | Digest | Size | Result | Signature |',
        '|---|---|---|---|---|---|',
        `| ${(0,src/* cell */.Hn)(name)} | ${(0,src/* cell */.Hn)(tags.join(', '))} | \`${(0,src/* shortDigest */.VK)(digest)}\` | ${(0,src/* formatBytes */.z3)(result.layer.size)} (${result.layer.files} files) | ${result.pushed ? 'pushed' : 'skipped'}: ${(0,src/* cell */.Hn)(result.reason)} | ${signatureCell(signed, result.pushed, inputs.signing?.format)} |`,
        '',
        result.pushed ? `Uploaded ${(0,src/* formatBytes */.z3)(uploadedBytes)}; ${result.blobs.filter((b) => b.result === 'exists').length} blob(s) were already there.` : '',
        ...(attached.length ? ['', `Attached: ${attached.map((a) => `${a.source === 'generated' ? `${a.format} SBOM (generated)` : `${(0,src/* cell */.Hn)(a.source)} (${a.format})`}${a.attestation ? ', attested' : ''}`).join('; ')}.`] : []),
    ].join('\n'));
}
/** `<repository>/<name>` for a component. */
function componentLocation(base, component) {
    return (0,oci_open/* childLocation */.ME)(base, component.name);
}
async function components(inputs, credentials) {
    try {
        return await findComponents(inputs.context.workspace, inputs.components ?? '');
    }
    catch (err) {
        throw await explain(err, inputs, inputs.location, credentials, inputs.components);
    }
}
async function pushMany(inputs, client, credentials) {
    const found = await components(inputs, credentials);
    const open = (component) => (0,oci_open/* openTarget */.Ap)(componentLocation(inputs.location, component), client);
    const signatures = await prepareSigning(inputs);
    const documents = new Map();
    const outcomes = await pushComponents(found, {
        ...pushOptions(inputs),
        open,
        concurrency: inputs.concurrency,
        beforeTag: signatures || inputs.documents.sbom
            ? (target, component) => {
                const sign = signatures?.step(target, component.name);
                const attach = inputs.documents.sbom ? documentsStep(inputs, target, component.path, [], signatures?.bundleSigner) : undefined;
                if (attach)
                    documents.set(component.name, attach);
                return async (descriptor) => {
                    await sign?.(descriptor);
                    await attach?.run(descriptor);
                };
            }
            : undefined,
    });
    const rows = [];
    const report = [];
    const failures = [];
    for (const outcome of outcomes) {
        const { component, target } = outcome;
        if (!outcome.ok) {
            const err = (await explain(outcome.error, inputs, componentLocation(inputs.location, component), credentials, component.relative));
            failures.push(`${component.name}: ${err.message}`);
            report.push({ name: component.name, repository: target, pushed: false, error: err.message });
            rows.push(`| ${(0,src/* cell */.Hn)(component.name)} | ${(0,src/* cell */.Hn)(target)} | — | — | — | ❌ ${(0,src/* cell */.Hn)(err.message)} | — |`);
            src/* runner.error */.lj.error(`${component.name}: ${err.message}`);
            continue;
        }
        const result = outcome.result;
        const digest = result.descriptor.digest;
        const signed = signatures?.result(component.name);
        const tags = result.tags.map((t) => t.tag);
        src/* runner.info */.lj.info(`${component.name}: ${result.pushed ? `pushed ${target}@${digest}` : `unchanged (${result.reason})`}${signed ? `, signed as ${signed.identity}` : ''}`);
        const attached = documents.get(component.name)?.attached() ?? [];
        report.push({ name: component.name, repository: target, pushed: result.pushed, digest: result.pushed ? digest : '', 'digest-url': result.pushed ? `${target}@${digest}` : '', tags, 'signature-ref': signed?.signatureRef ?? '', referrers: attached.map((a) => ({ format: a.format, digest: a.referrer.digest, attestation: a.attestation?.digest ?? '' })) });
        rows.push(`| ${(0,src/* cell */.Hn)(component.name)} | ${(0,src/* cell */.Hn)(target)} | ${(0,src/* cell */.Hn)(tags.join(', '))} | \`${(0,src/* shortDigest */.VK)(digest)}\` | ${(0,src/* formatBytes */.z3)(result.layer.size)} | ${result.pushed ? 'pushed' : 'skipped'}: ${(0,src/* cell */.Hn)(result.reason)} | ${signatureCell(signed, result.pushed, inputs.signing?.format)} |`);
    }
    src/* runner.setOutput */.lj.setOutput('components', JSON.stringify(report));
    src/* runner.setOutput */.lj.setOutput('pushed', String(report.some((r) => r.pushed)));
    src/* runner.setOutput */.lj.setOutput('digest', '');
    src/* runner.setOutput */.lj.setOutput('digest-url', '');
    src/* runner.setOutput */.lj.setOutput('tags', JSON.stringify([...new Set(report.flatMap((r) => ('tags' in r ? r.tags : [])))]));
    src/* runner.setOutput */.lj.setOutput('signature-ref', '');
    src/* runner.setOutput */.lj.setOutput('rekor-log-index', '');
    src/* runner.setOutput */.lj.setOutput('referrers', '[]');
    src/* runner.appendSummary */.lj.appendSummary([
        `### Flux artifacts: ${found.length} components (${report.filter((r) => r.pushed).length} pushed, ${failures.length} failed)`,
        '',
        '| Component | Repository | Tags | Digest | Size | Result | Signature |',
        '|---|---|---|---|---|---|---|',
        ...rows,
    ].join('\n'));
    if (failures.length)
        throw new Error(`${failures.length} of ${found.length} components failed (the others are complete): ${failures.join('; ')}`);
}
async function planMany(inputs, client, credentials) {
    const found = await components(inputs, credentials);
    const reference = inputs.diffTag ?? 'latest';
    const outcomes = await planComponents(found, {
        open: (component) => (0,oci_open/* openTarget */.Ap)(componentLocation(inputs.location, component), client),
        reference,
        ignorePaths: inputs.ignorePaths,
        sourceIgnore: inputs.sourceIgnore,
        resolveSymlinks: inputs.resolveSymlinks,
        concurrency: inputs.concurrency,
    });
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length) {
        const messages = await Promise.all(failed.map(async (o) => `${o.component.name}: ${(await explain(o.ok ? undefined : o.error, inputs, componentLocation(inputs.location, o.component), credentials, o.component.relative)).message}`));
        throw new Error(`could not compare ${failed.length} of ${found.length} components with ${reference}: ${messages.join('; ')}`);
    }
    const changed = outcomes.filter((o) => o.ok && !o.result.identical);
    const include = changed.map((o) => ({ component: o.component.name, path: o.component.relative, repository: o.target }));
    src/* runner.setOutput */.lj.setOutput('matrix', JSON.stringify({ include }));
    src/* runner.setOutput */.lj.setOutput('changed', JSON.stringify(include.map((i) => i.component)));
    src/* runner.setOutput */.lj.setOutput('pushed', 'false');
    src/* runner.info */.lj.info(`${changed.length} of ${found.length} components differ from ${reference}: ${include.map((i) => i.component).join(', ') || '(none)'}`);
    src/* runner.appendSummary */.lj.appendSummary([
        `### Plan: ${changed.length} of ${found.length} components changed since \`${reference}\``,
        '',
        '| Component | Repository | Changed |',
        '|---|---|---|',
        ...outcomes.map((o) => `| ${(0,src/* cell */.Hn)(o.component.name)} | ${(0,src/* cell */.Hn)(o.target)} | ${o.ok && !o.result.identical ? `yes: ${(0,src/* cell */.Hn)(o.result.reason)}` : 'no'} |`),
    ].join('\n'));
}
async function run(inputs) {
    const { client, credentials } = (0,src/* registrySession */.EK)(inputs.registry, inputs.context, inputs.location);
    if (!inputs.components)
        return pushOne(inputs, client, credentials);
    return inputs.plan ? planMany(inputs, client, credentials) : pushMany(inputs, client, credentials);
}


/***/ }),

/***/ 5133:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ inputs_InputError),
  tE: () => (/* reexport */ booleanInput),
  Hn: () => (/* reexport */ cell),
  Te: () => (/* reexport */ defaultRevision),
  Hu: () => (/* reexport */ defaultSource),
  z3: () => (/* reexport */ formatBytes),
  h4: () => (/* reexport */ githubContext),
  $A: () => (/* reexport */ integerInput),
  Bb: () => (/* reexport */ keyValueInput),
  WO: () => (/* reexport */ linesInput),
  dt: () => (/* reexport */ listInput),
  P4: () => (/* reexport */ registryInputs),
  EK: () => (/* reexport */ registrySession),
  JD: () => (/* reexport */ repositoryInput),
  Cs: () => (/* reexport */ runAction),
  lj: () => (/* reexport */ runner_namespaceObject),
  VK: () => (/* reexport */ shortDigest),
  hY: () => (/* reexport */ signingInputs),
  Uj: () => (/* reexport */ inputs_stringInput),
  X5: () => (/* reexport */ workspacePath)
});

// UNUSED EXPORTS: cosignSigningInputs, fluxManifestInputs, jobCredentials, oneLine, registryClients, verificationInputs, verifyInputNames

// NAMESPACE OBJECT: ../../packages/action-kit/src/runner.ts
var runner_namespaceObject = {};
__nccwpck_require__.r(runner_namespaceObject);
__nccwpck_require__.d(runner_namespaceObject, {
  appendSummary: () => (appendSummary),
  debug: () => (debug),
  endGroup: () => (endGroup),
  error: () => (error),
  escapeData: () => (escapeData),
  getInput: () => (getInput),
  getState: () => (getState),
  info: () => (info),
  saveState: () => (saveState),
  setFailed: () => (setFailed),
  setOutput: () => (setOutput),
  setSecret: () => (setSecret),
  startGroup: () => (startGroup),
  warning: () => (warning)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ../../packages/action-kit/src/runner.ts
/**
 * The GitHub Actions runner protocol: inputs from `INPUT_*`, outputs and state through the `GITHUB_OUTPUT` /
 * `GITHUB_STATE` files, the job summary file, and `::command::` lines on stdout.
 *
 * We speak it directly instead of bundling @actions/core: that package pulls in an HTTP client (undici) whose
 * start-up is about 70 ms of a ~110 ms cold start, for the one call (the OIDC token) that Node's own fetch does.
 * Behaviour follows @actions/core 3 (core.ts, command.ts, file-command.ts); the OIDC token comes from
 * @d2ci/core's githubActionsIdentity.
 */



/** Escapes a command's message as the runner expects (command.ts `escapeData`). */
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function issue(command, message) {
    process.stdout.write(`::${command}::${escapeData(message)}${external_node_os_.EOL}`);
}
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** A `name<<delimiter` record for the runner's file commands (file-command.ts `prepareKeyValueMessage`). */
function keyValueRecord(name, value) {
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`unexpected input: name or value contains the delimiter ${delimiter}`);
    return `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`;
}
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    if (file)
        (0,external_node_fs_.appendFileSync)(file, keyValueRecord(name, value), 'utf8');
    else
        process.stdout.write(`${external_node_os_.EOL}::set-output name=${name}::${escapeData(value)}${external_node_os_.EOL}`);
}
function saveState(name, value) {
    const file = process.env.GITHUB_STATE;
    if (file)
        (0,external_node_fs_.appendFileSync)(file, keyValueRecord(name, value), 'utf8');
    else
        process.stdout.write(`::save-state name=${name}::${escapeData(value)}${external_node_os_.EOL}`);
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
const masked = new Set();
/** Registers a secret with the runner so it never appears in the log; each line of a multi-line value too. */
function setSecret(secret) {
    for (const value of [secret, ...secret.split(/\r?\n/)]) {
        if (!value || masked.has(value))
            continue;
        masked.add(value);
        issue('add-mask', value);
    }
}
function info(message) {
    process.stdout.write(`${message}${external_node_os_.EOL}`);
}
function debug(message) {
    issue('debug', message);
}
function warning(message) {
    issue('warning', message);
}
function error(message) {
    issue('error', message);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
function startGroup(name) {
    issue('group', name);
}
function endGroup() {
    process.stdout.write(`::endgroup::${external_node_os_.EOL}`);
}
/** Appends markdown to the job summary (no-op outside a runner). */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file)
        (0,external_node_fs_.appendFileSync)(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/inputs.ts

/**
 * A bad input: the message names the input and the fix, on one line, e.g.
 * "input `repository`: "Acme/App" must be lowercase; use acme/app".
 */
class inputs_InputError extends Error {
    input;
    constructor(input, problem) {
        super(`input \`${input}\`: ${problem}`.replace(/\s*\n\s*/g, ' '));
        this.name = 'InputError';
        this.input = input;
    }
}
function inputs_stringInput(name, options = {}) {
    const value = getInput(name).trim();
    if (!value && options.required)
        throw new inputs_InputError(name, `is required; add \`${name}:\` to the step's \`with:\``);
    return value || options.fallback || '';
}
/** YAML 1.2 core booleans, like `core.getBooleanInput`, but with a one-line error that names the input. */
function booleanInput(name, fallback) {
    const value = getInput(name).trim();
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new inputs_InputError(name, `"${value}" is not a boolean; use true or false`);
}
/** Items separated by newlines or commas; blank lines and `#` comments are dropped. */
function listInput(name) {
    return getInput(name)
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '' && !item.startsWith('#'));
}
/** Patterns one per line (commas are part of gitignore patterns, so only newlines separate). */
function linesInput(name) {
    return getInput(name)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
/** `key=value` lines (the value may contain `=`). */
function keyValueInput(name) {
    const result = {};
    linesInput(name).forEach((line) => {
        const cut = line.indexOf('=');
        const key = cut > 0 ? line.slice(0, cut).trim() : '';
        if (cut < 0 || !key)
            throw new inputs_InputError(name, `"${line}" is not key=value; write one annotation per line, e.g. org.opencontainers.image.description=My app`);
        if (/\s/.test(key))
            throw new inputs_InputError(name, `key "${key}" contains whitespace`);
        result[key] = line.slice(cut + 1).trim();
    });
    return result;
}
/** A positive integer input. */
function integerInput(name, fallback) {
    const value = getInput(name).trim();
    if (value === '')
        return fallback;
    if (!/^[0-9]+$/.test(value) || Number(value) <= 0)
        throw new inputs_InputError(name, `"${value}" is not a positive whole number`);
    return Number(value);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ../../packages/action-kit/src/context.ts



function githubContext(env = process.env) {
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const repository = env.GITHUB_REPOSITORY ?? '';
    return {
        serverUrl,
        repository,
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        actor: env.GITHUB_ACTOR ?? '',
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        runnerTemp: env.RUNNER_TEMP || undefined,
        runUrl: repository && env.GITHUB_RUN_ID ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    };
}
/** `https://github.com/<owner>/<repo>`, the artifact's default `source` (what the D2 push action derives). */
function defaultSource(context) {
    return context.repository ? `${context.serverUrl}/${context.repository}` : '';
}
/** `<ref>@sha1:<sha>`, e.g. `refs/heads/main@sha1:…`, the D2 push action's default `revision`. */
function defaultRevision(context) {
    return context.ref && context.sha ? `${context.ref}@sha1:${context.sha}` : '';
}
/**
 * Resolves a path input against the workspace and refuses one that leaves it (following symlinks), so a
 * step can only publish what the job checked out.
 */
function workspacePath(input, value, context) {
    const workspace = (0,external_node_fs_.realpathSync)(context.workspace);
    const path = (0,external_node_path_.resolve)(workspace, value);
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        throw new inputs_InputError(input, `"${value}" does not exist in the workspace; check the path (it is relative to the repository root)`);
    }
    const rel = (0,external_node_path_.relative)(workspace, real);
    if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel)) {
        throw new inputs_InputError(input, `"${value}" is outside the workspace (${workspace}); use a path inside the checked-out repository`);
    }
    return real;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __nccwpck_require__(8500);
// EXTERNAL MODULE: ../../packages/core/src/sign/identity.ts
var identity = __nccwpck_require__(8783);
;// CONCATENATED MODULE: ../../packages/core/src/auth/cloud.ts


/** A cloud provider could not get credentials: the message is one line, names the service, and says what to fix. */
class CloudCredentialError extends Error {
    constructor(message, options = {}) {
        super(oneLine(message), options);
        this.name = 'CloudCredentialError';
    }
}
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
/** A registry name without its port, lowercased: what host patterns match. */
function registryHostname(registry) {
    const host = registry.toLowerCase();
    if (host.startsWith('['))
        return host.slice(0, host.indexOf(']') + 1);
    return host.replace(/:\d+$/, '');
}
/** The job's OIDC token for an audience; a missing token says which permission to add. */
async function oidcToken(context, audience, purpose) {
    let token;
    try {
        token = context.options.idToken
            ? await context.options.idToken(audience)
            : await (0,identity/* githubActionsIdentity */.Jt)(audience, { env: context.env }).getToken();
    }
    catch (err) {
        if (err instanceof identity/* IdentityTokenError */.IS)
            throw new CloudCredentialError(`${purpose} needs the job's OIDC token: ${err.message}`, { cause: err });
        throw err;
    }
    context.onSecret(token);
    return token;
}
/** Refresh a cached token this long before it expires, so it never runs out mid-push. */
const expiryMarginMs = 5 * 60_000;
/**
 * Values that expire, fetched once per key and kept until shortly before their expiry. Concurrent callers share
 * one fetch; a failed fetch is not kept, so the next caller tries again.
 */
class ExpiringCache {
    #entries = new Map();
    #inflight = new Map();
    async get(key, fetch) {
        const cached = this.#entries.get(key);
        if (cached && cached.expiresAt - expiryMarginMs > Date.now())
            return cached.value;
        let pending = this.#inflight.get(key);
        if (!pending) {
            pending = fetch().finally(() => this.#inflight.delete(key));
            this.#inflight.set(key, pending);
        }
        const entry = await pending;
        this.#entries.set(key, entry);
        return entry.value;
    }
}
/** `exp` of a JWT in milliseconds, or undefined when it is not a JWT with one. */
function jwtExpiry(token) {
    try {
        const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
        return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
    }
    catch {
        return undefined;
    }
}
/** A JSON answer from a token service, with the service's own error words when it refuses. */
async function postForToken(service, url, init, fix) {
    const headers = { 'content-type': init.contentType, accept: 'application/json' };
    if (init.authorization)
        headers.authorization = init.authorization;
    let response;
    let networkError;
    for (let attempt = 1; attempt <= 3; attempt++) {
        networkError = undefined;
        response = await fetch(url, { method: 'POST', headers, body: init.body, signal: AbortSignal.timeout(30_000) }).catch((err) => {
            networkError = err;
            return undefined;
        });
        if (response && response.status < 500 && response.status !== 429)
            break;
        if (attempt < 3) {
            await response?.body?.cancel();
            await (0,external_node_timers_promises_.setTimeout)(250 * attempt);
        }
    }
    if (!response) {
        const cause = networkError;
        throw new CloudCredentialError(`${service} is unreachable at ${new URL(url).host} (${cause?.cause?.code ?? cause?.message ?? 'network error'})`, { cause: networkError });
    }
    const text = await response.text().catch(() => '');
    let body = {};
    try {
        body = JSON.parse(text);
    }
    catch {
        // Not JSON: reported below when it is an error.
    }
    if (!response.ok) {
        const error = serviceError(body) ?? text.trim().slice(0, 200);
        const hint = fix?.(response.status, error);
        throw new CloudCredentialError(`${service} refused (HTTP ${response.status}${error ? `: ${truncate(error)}` : ''})${hint ? `; ${hint}` : ''}`);
    }
    return body;
}
/** The error words in OAuth2 (`error`, `error_description`), Google API (`error.message`) and registry (`errors[]`) answers. */
function serviceError(body) {
    const first = Array.isArray(body.errors) ? body.errors[0] : undefined;
    if (first?.code || first?.message)
        return [first.code, first.message].filter(Boolean).join(': ');
    const error = body.error;
    if (error && typeof error === 'object') {
        const { status, message } = error;
        return [status, message].filter(Boolean).join(': ') || undefined;
    }
    const description = typeof body.error_description === 'string' ? body.error_description.split(/\r?\n/)[0] : undefined;
    return [typeof error === 'string' ? error : undefined, description].filter(Boolean).join(': ') || undefined;
}
function truncate(text) {
    const line = oneLine(text);
    return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/aws.ts


/**
 * Private ECR hosts (docker/login-action's pattern; Flux 2.6 accepts the same registries): `<account>.dkr.ecr.<region>.amazonaws.com`,
 * the dual-stack `<account>.dkr-ecr.<region>.on.aws`, China (`.amazonaws.com.cn`) and the EU sovereign cloud (`.amazonaws.eu`).
 */
const ecrHostPattern = /^([0-9]{12})\.(dkr\.ecr|dkr-ecr|dkr\.ecr-fips|dkr-ecr-fips)\.([a-z0-9-]+)\.(on\.aws|amazonaws\.com(\.cn)?|amazonaws\.eu)$/;
/** ECR Public's registry hosts. */
const ecrPublicHosts = ['public.ecr.aws', 'ecr-public.aws.com'];
/** "Authenticating to ECR Public auth only works in us-east-1" (amazon-ecr-login). */
const ecrPublicRegion = 'us-east-1';
/** Which ECR a registry name is (the port is ignored), or undefined when it is not one. */
function parseEcrRegistry(registry) {
    const host = registryHostname(registry);
    if (ecrPublicHosts.includes(host))
        return { kind: 'public', region: ecrPublicRegion };
    const match = ecrHostPattern.exec(host);
    return match ? { kind: 'private', account: match[1], region: match[3] } : undefined;
}
const awsHosts = 'Amazon ECR (<account>.dkr.ecr.<region>.amazonaws.com, <account>.dkr-ecr.<region>.on.aws, .amazonaws.com.cn, .amazonaws.eu) and ECR Public (public.ecr.aws, ecr-public.aws.com)';
const endpointVariables = { sts: 'AWS_ENDPOINT_URL_STS', ecr: 'AWS_ENDPOINT_URL_ECR', ecrPublic: 'AWS_ENDPOINT_URL_ECR_PUBLIC' };
/** An SDK error as one line: `<Code>: <message>`, or the network error. */
function sdkError(err) {
    const e = err;
    const status = e.$metadata?.httpStatusCode;
    const name = e.name && e.name !== 'Error' ? e.name : e.code;
    const message = e.message ?? String(err);
    return oneLine(`${name && !message.startsWith(name) && !message.includes(`${name} `) ? `${name}: ` : ''}${message}${status ? ` (HTTP ${status})` : ''}`);
}
/**
 * `provider: aws`. Credentials, in order: assume `roleArn` with the job's OIDC token (STS
 * AssumeRoleWithWebIdentity), else AWS credentials already in the environment (AWS_ACCESS_KEY_ID, e.g. from
 * aws-actions/configure-aws-credentials, or AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN). Then ECR's
 * GetAuthorizationToken (in the registry's region; ECR Public's in us-east-1) gives `AWS:<password>`. The AWS SDK is
 * loaded only here, on first use.
 */
function awsProvider(context) {
    const options = context.options.aws ?? {};
    const env = context.env;
    const keys = new ExpiringCache();
    const tokens = new ExpiringCache();
    const endpoint = (service) => {
        const explicit = options.endpoints?.[service];
        if (explicit)
            return explicit;
        if (/^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? ''))
            return undefined;
        return env[endpointVariables[service]] || env.AWS_ENDPOINT_URL || undefined;
    };
    const assumeRole = async (roleArn, webIdentityToken, region) => {
        const { STSClient, AssumeRoleWithWebIdentityCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(777), __nccwpck_require__.e(811)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 2811, 19));
        const client = new STSClient({ region, endpoint: endpoint('sts'), maxAttempts: 3 });
        const sessionName = (options.roleSessionName || `d2ci-${env.GITHUB_RUN_ID || Date.now()}`).replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
        try {
            const out = await client.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: sessionName, WebIdentityToken: webIdentityToken, DurationSeconds: options.durationSeconds ?? 3600 }));
            const c = out.Credentials;
            if (!c?.AccessKeyId || !c.SecretAccessKey)
                throw new CloudCredentialError(`AWS STS AssumeRoleWithWebIdentity for ${roleArn} returned no credentials`);
            context.onSecret(c.SecretAccessKey);
            if (c.SessionToken)
                context.onSecret(c.SessionToken);
            const expiresAt = c.Expiration ? c.Expiration.getTime() : Date.now() + (options.durationSeconds ?? 3600) * 1000;
            return { value: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration }, expiresAt };
        }
        catch (err) {
            if (err instanceof CloudCredentialError)
                throw err;
            const denied = /AccessDenied|InvalidIdentityToken|IDPRejectedClaim|ExpiredToken/.test(err.name ?? '');
            const hint = denied
                ? `; the role's trust policy must allow sts:AssumeRoleWithWebIdentity for token.actions.githubusercontent.com with audience ${options.audience ?? 'sts.amazonaws.com'} and this repository's sub claim`
                : '';
            throw new CloudCredentialError(`AWS STS AssumeRoleWithWebIdentity for ${roleArn} failed: ${sdkError(err)}${hint}`, { cause: err });
        }
        finally {
            client.destroy();
        }
    };
    /** The AWS credentials to call ECR with, cached until they expire. */
    const credentials = (stsRegion) => keys.get(`keys|${stsRegion}`, async () => {
        if (options.roleArn) {
            const token = await oidcToken(context, options.audience ?? 'sts.amazonaws.com', `provider aws (to assume ${options.roleArn})`);
            return assumeRole(options.roleArn, token, stsRegion);
        }
        if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
            context.onSecret(env.AWS_SECRET_ACCESS_KEY);
            if (env.AWS_SESSION_TOKEN)
                context.onSecret(env.AWS_SESSION_TOKEN);
            const expiration = env.AWS_CREDENTIAL_EXPIRATION ? new Date(env.AWS_CREDENTIAL_EXPIRATION) : undefined;
            const expiresAt = expiration && !Number.isNaN(expiration.getTime()) ? expiration.getTime() : Number.POSITIVE_INFINITY;
            return { value: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN || undefined }, expiresAt };
        }
        if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) {
            const token = (await (0,promises_.readFile)(env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8').catch((err) => {
                throw new CloudCredentialError(`provider aws cannot read AWS_WEB_IDENTITY_TOKEN_FILE ${env.AWS_WEB_IDENTITY_TOKEN_FILE}: ${err.message}`);
            })).trim();
            context.onSecret(token);
            return assumeRole(env.AWS_ROLE_ARN, token, stsRegion);
        }
        throw new CloudCredentialError('provider aws has no AWS credentials: give the IAM role to assume with the job\'s OIDC token (needs `permissions: id-token: write`), or run aws-actions/configure-aws-credentials before this step');
    });
    const authorizationToken = async (registry, ecr) => {
        const stsRegion = options.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || ecr.region;
        const awsKeys = await credentials(stsRegion);
        let token;
        let expires;
        const api = ecr.kind === 'public' ? 'ECR Public GetAuthorizationToken' : `ECR GetAuthorizationToken in ${ecr.region}`;
        try {
            if (ecr.kind === 'public') {
                const { ECRPUBLICClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(777), __nccwpck_require__.e(681)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6681, 19));
                const client = new ECRPUBLICClient({ region: ecr.region, credentials: awsKeys, endpoint: endpoint('ecrPublic'), maxAttempts: 3 });
                try {
                    const out = await client.send(new GetAuthorizationTokenCommand({}));
                    token = out.authorizationData?.authorizationToken;
                    expires = out.authorizationData?.expiresAt;
                }
                finally {
                    client.destroy();
                }
            }
            else {
                const { ECRClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(777), __nccwpck_require__.e(149)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 149, 19));
                const client = new ECRClient({ region: ecr.region, credentials: awsKeys, endpoint: endpoint('ecr'), maxAttempts: 3 });
                try {
                    const out = await client.send(new GetAuthorizationTokenCommand({}));
                    token = out.authorizationData?.[0]?.authorizationToken;
                    expires = out.authorizationData?.[0]?.expiresAt;
                }
                finally {
                    client.destroy();
                }
            }
        }
        catch (err) {
            const denied = /AccessDenied|UnrecognizedClient|InvalidSignature|ExpiredToken/.test(err.name ?? '');
            const permission = ecr.kind === 'public' ? 'ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken' : 'ecr:GetAuthorizationToken';
            throw new CloudCredentialError(`${api} for ${registry} failed: ${sdkError(err)}${denied ? `; the AWS identity needs ${permission}` : ''}`, { cause: err });
        }
        if (!token)
            throw new CloudCredentialError(`${api} for ${registry} returned no authorization token`);
        context.onSecret(token);
        const decoded = Buffer.from(token, 'base64').toString('utf8');
        const cut = decoded.indexOf(':');
        if (cut <= 0)
            throw new CloudCredentialError(`${api} for ${registry} returned a token that is not base64 "AWS:<password>"`);
        const credential = { username: decoded.slice(0, cut), password: decoded.slice(cut + 1) };
        context.onSecret(credential.password);
        // ECR tokens last 12 hours; without an expiry, assume the shortest AWS documents for a session (1 hour).
        return { value: credential, expiresAt: expires?.getTime() ?? Date.now() + 3600_000 };
    };
    return {
        name: 'aws',
        hosts: awsHosts,
        serves: (registry) => parseEcrRegistry(registry) !== undefined,
        async credentialFor(registry) {
            const ecr = parseEcrRegistry(registry);
            if (!ecr)
                return undefined;
            const key = ecr.kind === 'public' ? 'public' : `${ecr.account}|${ecr.region}`;
            return tokens.get(key, () => authorizationToken(registry, ecr));
        },
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/azure.ts

/** Flux 2.6's ACR pattern (from Kubernetes' Azure credential provider). */
const azureHostPattern = /^.+\.(azurecr\.io|azurecr\.cn|azurecr\.de|azurecr\.us)$/;
const azureHosts = 'Azure Container Registry (*.azurecr.io, *.azurecr.cn, *.azurecr.de, *.azurecr.us)';
/** The user name docker and `az acr login --expose-token` use with an ACR refresh token. */
const acrTokenUsername = '00000000-0000-0000-0000-000000000000';
function isAzureRegistry(registry) {
    return azureHostPattern.test(registryHostname(registry));
}
/** The Entra ID authority and Resource Manager scope of the cloud a registry lives in (as Flux chooses the scope). */
function azureCloud(registry) {
    const host = registryHostname(registry);
    if (host.endsWith('.azurecr.cn'))
        return { authorityHost: 'https://login.chinacloudapi.cn', scope: 'https://management.chinacloudapi.cn/.default' };
    if (host.endsWith('.azurecr.us'))
        return { authorityHost: 'https://login.microsoftonline.us', scope: 'https://management.usgovcloudapi.net/.default' };
    return { authorityHost: 'https://login.microsoftonline.com', scope: 'https://management.azure.com/.default' };
}
/**
 * `provider: azure`, as azure/login does with OIDC: the job's OIDC token (audience `api://AzureADTokenExchange`) is a
 * client assertion for the app's federated credential (Entra ID client-credentials grant), and the Entra ID token
 * is exchanged at the registry's `/oauth2/exchange` for an ACR refresh token. That is an identity token: the
 * registry's token endpoint trades it for access tokens (grant_type=refresh_token).
 */
function azureProvider(context) {
    const options = context.options.azure ?? {};
    const env = context.env;
    const entraTokens = new ExpiringCache();
    const refreshTokens = new ExpiringCache();
    const entraToken = (registry, clientId, tenantId) => {
        const cloud = azureCloud(registry);
        const authority = (options.authorityHost || env.AZURE_AUTHORITY_HOST || cloud.authorityHost).replace(/\/+$/, '');
        const scope = options.scope || cloud.scope;
        return entraTokens.get(`${authority}|${tenantId}|${clientId}|${scope}`, async () => {
            const assertion = await oidcToken(context, options.audience || 'api://AzureADTokenExchange', 'provider azure');
            const form = new URLSearchParams({
                client_id: clientId,
                grant_type: 'client_credentials',
                client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
                client_assertion: assertion,
                scope,
            });
            const answer = await postForToken(`Microsoft Entra ID token request for client ${clientId} in tenant ${tenantId}`, `${authority}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, { body: form.toString(), contentType: 'application/x-www-form-urlencoded' }, (status, error) => /AADSTS70021|AADSTS700213|AADSTS700211|AADSTS700212/.test(error)
                ? "add a federated credential to the app for issuer https://token.actions.githubusercontent.com and this job's subject (repo:<owner>/<repo>:…)"
                : status === 400 || status === 401
                    ? 'check the client and tenant IDs and the federated credential'
                    : undefined);
            const token = typeof answer.access_token === 'string' ? answer.access_token : '';
            if (!token)
                throw new CloudCredentialError(`Microsoft Entra ID token request for client ${clientId} returned no access_token`);
            context.onSecret(token);
            return { value: token, expiresAt: Date.now() + (typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in) || 3600) * 1000 };
        });
    };
    const refreshToken = async (registry) => {
        const clientId = options.clientId || env.AZURE_CLIENT_ID;
        const tenantId = options.tenantId || env.AZURE_TENANT_ID;
        if (!clientId || !tenantId) {
            throw new CloudCredentialError(`provider azure needs the client ID and tenant ID of the identity with the federated credential (AZURE_CLIENT_ID and AZURE_TENANT_ID); missing ${[clientId ? '' : 'client ID', tenantId ? '' : 'tenant ID'].filter(Boolean).join(' and ')}`);
        }
        const accessToken = await entraToken(registry, clientId, tenantId);
        const base = (context.endpoints[registry] || `https://${registry}`).replace(/\/+$/, '');
        const form = new URLSearchParams({ grant_type: 'access_token', service: registry, tenant: tenantId, access_token: accessToken });
        const answer = await postForToken(`ACR token exchange at ${registry}`, `${base}/oauth2/exchange`, { body: form.toString(), contentType: 'application/x-www-form-urlencoded' }, (status) => (status === 401 || status === 403 ? `give the identity (client ${clientId}) the AcrPush role on ${registry}` : undefined));
        const token = typeof answer.refresh_token === 'string' ? answer.refresh_token : '';
        if (!token)
            throw new CloudCredentialError(`ACR token exchange at ${registry} returned no refresh_token`);
        context.onSecret(token);
        // ACR refresh tokens are JWTs that last 3 hours; their `exp` says exactly.
        return { value: { username: acrTokenUsername, password: token, identityToken: token }, expiresAt: jwtExpiry(token) ?? Date.now() + 3 * 3600_000 };
    };
    return {
        name: 'azure',
        hosts: azureHosts,
        serves: isAzureRegistry,
        credentialFor: async (registry) => (isAzureRegistry(registry) ? refreshTokens.get(registry, () => refreshToken(registry)) : undefined),
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
;// CONCATENATED MODULE: ../../packages/core/src/auth/docker-config.ts




/** The key docker uses for Docker Hub in config.json and when calling credential helpers. */
const dockerHubConfigKey = 'https://index.docker.io/v1/';
/** Docker normalises config keys to a bare host: no scheme, no path (`https://ghcr.io/v1/` → `ghcr.io`). */
function configHost(key) {
    const host = key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
    return host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host;
}
function helperServer(registry) {
    return registry === 'docker.io' ? dockerHubConfigKey : registry;
}
class CredentialHelperError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CredentialHelperError';
    }
}
/** Runs `docker-credential-<helper> get` (docker-credential-helpers protocol); undefined when it has nothing. */
function runCredentialHelper(helper, serverUrl, env = process.env) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.execFile)(`docker-credential-${helper}`, ['get'], { env, timeout: 30_000 }, (error, stdout, stderr) => {
            if (error) {
                if (error.code === 'ENOENT') {
                    reject(new CredentialHelperError(`docker credential helper "docker-credential-${helper}" is not on PATH (named in the docker config)`));
                    return;
                }
                // The protocol's "not found" answer is an error exit with this text on stdout.
                if (/credentials not found/i.test(`${stdout}${stderr}`)) {
                    resolve(undefined);
                    return;
                }
                reject(new CredentialHelperError(`docker-credential-${helper} failed for ${serverUrl}: ${String(stderr || stdout).trim().slice(0, 200)}`));
                return;
            }
            try {
                const answer = JSON.parse(stdout);
                if (!answer.Secret)
                    return resolve(undefined);
                resolve(answer.Username === '<token>' ? { identityToken: answer.Secret } : { username: answer.Username ?? '', password: answer.Secret });
            }
            catch {
                reject(new CredentialHelperError(`docker-credential-${helper} printed something that is not JSON`));
            }
        });
        // A helper may exit without reading its input (e.g. it fails early): the answer is its exit status and output,
        // so a broken pipe on stdin is not an error of its own.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(serverUrl);
    });
}
/**
 * Credentials from docker's config.json (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), looked up as
 * docker does: `credHelpers[host]`, then `credsStore`, then `auths` (`auth`, `username`/`password`,
 * `identitytoken`, `registrytoken`).
 */
function dockerConfigCredentials(options = {}) {
    const env = options.env ?? process.env;
    let config;
    const load = () => {
        config ??= (async () => {
            const dir = env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
            const text = await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'config.json'), 'utf8').catch(() => undefined);
            if (text === undefined)
                return undefined;
            try {
                return JSON.parse(text);
            }
            catch {
                throw new CredentialHelperError(`docker config ${(0,external_node_path_.join)(dir, 'config.json')} is not valid JSON`);
            }
        })();
        return config;
    };
    return {
        name: 'docker config',
        async credentialFor(registry) {
            const cfg = await load();
            if (!cfg)
                return undefined;
            const helper = Object.entries(cfg.credHelpers ?? {}).find(([key]) => configHost(key) === registry)?.[1];
            if (helper)
                return runCredentialHelper(helper, helperServer(registry), env);
            const entry = Object.entries(cfg.auths ?? {}).find(([key]) => configHost(key) === registry)?.[1];
            if (cfg.credsStore) {
                const stored = await runCredentialHelper(cfg.credsStore, helperServer(registry), env);
                if (stored)
                    return stored;
            }
            if (!entry)
                return undefined;
            if (entry.identitytoken)
                return { identityToken: entry.identitytoken };
            if (entry.registrytoken)
                return { registryToken: entry.registrytoken };
            if (entry.auth) {
                const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
                const cut = decoded.indexOf(':');
                if (cut < 0)
                    throw new CredentialHelperError(`docker config auth for ${registry} is not base64 "user:password"`);
                return { username: decoded.slice(0, cut), password: decoded.slice(cut + 1) };
            }
            if (entry.username || entry.password)
                return { username: entry.username ?? '', password: entry.password ?? '' };
            return undefined;
        },
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/gcp.ts

/** Flux 2.6's GCP registry pattern: Container Registry (`gcr.io`, `*.gcr.io`) and Artifact Registry (`<location>-docker.pkg.dev`). */
const gcpHostPattern = /^(((.+\.)?gcr\.io)|(.+-docker\.pkg\.dev))$/;
const gcpHosts = 'Google Artifact Registry (<location>-docker.pkg.dev) and Container Registry (gcr.io, *.gcr.io)';
const defaultGcpStsUrl = 'https://sts.googleapis.com/v1/token';
const defaultGcpIamCredentialsUrl = 'https://iamcredentials.googleapis.com';
const cloudPlatform = 'https://www.googleapis.com/auth/cloud-platform';
const providerPattern = /^projects\/[^/]+\/locations\/[^/]+\/workloadIdentityPools\/[^/]+\/providers\/[^/]+$/;
function isGcpRegistry(registry) {
    return gcpHostPattern.test(registryHostname(registry));
}
/** `projects/…/providers/…` from the forms people paste: bare, `//iam.googleapis.com/…` or `https://iam.googleapis.com/…`. */
function workloadIdentityProviderName(value) {
    return value.trim().replace(/^(https:)?\/\/iam\.googleapis\.com\//, '').replace(/^\/+/, '');
}
/**
 * `provider: gcp` through Workload Identity Federation, as google-github-actions/auth does: the job's OIDC token is
 * exchanged at Google's STS for a federated access token, which is used directly or, with `serviceAccount`, to
 * impersonate that service account (IAM Credentials generateAccessToken). The registry user is `oauth2accesstoken`.
 */
function gcpProvider(context) {
    const options = context.options.gcp ?? {};
    const tokens = new ExpiringCache();
    const stsUrl = options.stsUrl || context.env.D2CI_GCP_STS_URL || defaultGcpStsUrl;
    const iamUrl = (options.iamCredentialsUrl || context.env.D2CI_GCP_IAMCREDENTIALS_URL || defaultGcpIamCredentialsUrl).replace(/\/+$/, '');
    const fetchToken = async () => {
        const provider = workloadIdentityProviderName(options.workloadIdentityProvider ?? '');
        if (!provider) {
            throw new CloudCredentialError('provider gcp needs the workload identity provider (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)');
        }
        if (!providerPattern.test(provider)) {
            throw new CloudCredentialError(`provider gcp: "${options.workloadIdentityProvider}" is not a workload identity provider name (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)`);
        }
        const subjectToken = await oidcToken(context, options.audience || `https://iam.googleapis.com/${provider}`, 'provider gcp');
        const form = new URLSearchParams({
            grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
            audience: `//iam.googleapis.com/${provider}`,
            scope: cloudPlatform,
            requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
            subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
            subject_token: subjectToken,
        });
        const federated = await postForToken(`Google STS token exchange for ${provider}`, stsUrl, { body: form.toString(), contentType: 'application/x-www-form-urlencoded' }, (status) => status === 400 || status === 401 || status === 403
            ? "check the provider's issuer (https://token.actions.githubusercontent.com), allowed audiences and attribute condition against this job's token"
            : undefined);
        const federatedToken = typeof federated.access_token === 'string' ? federated.access_token : '';
        if (!federatedToken)
            throw new CloudCredentialError(`Google STS token exchange for ${provider} returned no access_token`);
        context.onSecret(federatedToken);
        const federatedExpiry = Date.now() + (typeof federated.expires_in === 'number' ? federated.expires_in : 3600) * 1000;
        if (!options.serviceAccount)
            return { value: { username: 'oauth2accesstoken', password: federatedToken }, expiresAt: federatedExpiry };
        const account = options.serviceAccount.trim();
        const impersonated = await postForToken(`Google IAM Credentials generateAccessToken for ${account}`, `${iamUrl}/v1/projects/-/serviceAccounts/${encodeURIComponent(account)}:generateAccessToken`, { body: JSON.stringify({ scope: [cloudPlatform], lifetime: `${options.lifetimeSeconds ?? 3600}s` }), contentType: 'application/json', authorization: `Bearer ${federatedToken}` }, (status) => status === 403 || status === 401
            ? `grant the workload identity principal roles/iam.workloadIdentityUser (or roles/iam.serviceAccountTokenCreator) on ${account}`
            : undefined);
        const accessToken = typeof impersonated.accessToken === 'string' ? impersonated.accessToken : '';
        if (!accessToken)
            throw new CloudCredentialError(`Google IAM Credentials generateAccessToken for ${account} returned no accessToken`);
        context.onSecret(accessToken);
        const expireTime = typeof impersonated.expireTime === 'string' ? Date.parse(impersonated.expireTime) : Number.NaN;
        return { value: { username: 'oauth2accesstoken', password: accessToken }, expiresAt: Number.isNaN(expireTime) ? federatedExpiry : expireTime };
    };
    return {
        name: 'gcp',
        hosts: gcpHosts,
        serves: isGcpRegistry,
        // One access token serves every Google registry.
        credentialFor: async (registry) => (isGcpRegistry(registry) ? tokens.get('gcp', fetchToken) : undefined),
    };
}

// EXTERNAL MODULE: ../../packages/core/src/auth/github.ts
var github = __nccwpck_require__(9999);
;// CONCATENATED MODULE: ../../packages/core/src/auth/provider.ts
/** Credentials given explicitly (inputs, `--creds`), for one registry or, without `registry`, for any. */
function staticCredentials(credential, registry) {
    return {
        name: 'explicit credentials',
        credentialFor: async (host) => (registry === undefined || registry === host ? credential : undefined),
    };
}
/** Asks each provider in turn; the first that knows the registry wins. */
function firstCredential(providers) {
    return async (registry) => {
        for (const provider of providers) {
            const credential = await provider.credentialFor(registry);
            if (credential)
                return credential;
        }
        return undefined;
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/resolve.ts






/** Flux's `provider` values. `generic` uses explicit credentials, GITHUB_TOKEN and docker config. */
const providerNames = ['generic', 'aws', 'gcp', 'azure'];
const cloudProviders = new Map();
/** Registers a cloud provider implementation (aws, gcp and azure are built in; their SDKs load on first use). */
function registerCloudProvider(name, create) {
    cloudProviders.set(name, create);
}
registerCloudProvider('aws', awsProvider);
registerCloudProvider('gcp', gcpProvider);
registerCloudProvider('azure', azureProvider);
class ProviderError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ProviderError';
    }
}
function resolve_parseProvider(value) {
    const name = (value || 'generic').trim().toLowerCase();
    if (!providerNames.includes(name)) {
        throw new ProviderError(`unknown provider "${value}": use one of ${providerNames.join(', ')}`);
    }
    return name;
}
/**
 * Where credentials come from, in order: explicit username/password, the cloud provider (for its hosts),
 * GITHUB_TOKEN (for GHCR), docker config; otherwise anonymous.
 */
function registryCredentials(options = {}) {
    const providers = [];
    if (options.username || options.password)
        providers.push(staticCredentials({ username: options.username ?? '', password: options.password ?? '' }, options.registry));
    const provider = options.provider ?? 'generic';
    if (provider !== 'generic') {
        const create = cloudProviders.get(provider);
        if (!create)
            throw new ProviderError(`provider "${provider}" is not available in this version of d2ci; use provider: generic with registry credentials`);
        providers.push(create(cloudContext(options)));
    }
    if (options.githubToken)
        providers.push((0,github/* githubTokenCredentials */.Z)({ token: options.githubToken, actor: options.githubActor, serverUrl: options.githubServerUrl }));
    if (options.dockerConfig !== false)
        providers.push(dockerConfigCredentials({ env: options.env }));
    return firstCredential(providers);
}
/** Refuses a cloud provider for a registry it does not serve, as Flux 2.6+ does. */
function assertProviderServes(provider, registry) {
    if (provider === 'generic')
        return;
    const create = cloudProviders.get(provider);
    if (!create)
        throw new ProviderError(`provider "${provider}" is not available in this version of d2ci; use provider: generic with registry credentials`);
    const cloud = create(cloudContext({}));
    if (!cloud.serves(registry))
        throw new ProviderError(`provider "${provider}" does not serve registry ${registry}: it accepts ${cloud.hosts}; use provider: generic for other registries`);
}
function cloudContext(options) {
    return { options: options.cloud ?? {}, env: options.env ?? process.env, onSecret: options.onSecret ?? (() => undefined), endpoints: options.endpoints ?? {} };
}

// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 1 modules
var oci_open = __nccwpck_require__(2328);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(8706);
// EXTERNAL MODULE: ../../packages/core/src/oci/http.ts + 1 modules
var http = __nccwpck_require__(1737);
;// CONCATENATED MODULE: ../../packages/core/src/oci/challenge.ts
const isSpace = (c) => c === ' ' || c === '\t';
/**
 * Parses a `WWW-Authenticate` header (RFC 9110 §11.6.1): several challenges per header, quoted strings with
 * escapes and commas, e.g. `Bearer realm="https://r/token",service="r",scope="repository:a:pull repository:b:pull,push"`.
 */
function parseChallenges(header) {
    const challenges = [];
    let i = 0;
    const n = header.length;
    const skipSpace = () => {
        while (isSpace(header[i]))
            i++;
    };
    const readToken = () => {
        const start = i;
        while (i < n && !isSpace(header[i]) && header[i] !== ',' && header[i] !== '=')
            i++;
        return header.slice(start, i);
    };
    while (i < n) {
        while (i < n && (isSpace(header[i]) || header[i] === ','))
            i++;
        const scheme = readToken();
        if (!scheme) {
            i++;
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        for (;;) {
            skipSpace();
            const mark = i;
            const name = readToken();
            skipSpace();
            if (!name || header[i] !== '=') {
                // Not a parameter: the next challenge's scheme (or a token68); the outer loop reads it.
                i = mark;
                break;
            }
            i++; // '='
            skipSpace();
            let value = '';
            if (header[i] === '"') {
                i++;
                while (i < n && header[i] !== '"') {
                    if (header[i] === '\\' && i + 1 < n)
                        i++;
                    value += header[i];
                    i++;
                }
                i++; // closing quote
            }
            else {
                const start = i;
                while (i < n && header[i] !== ',' && !isSpace(header[i]))
                    i++;
                value = header.slice(start, i);
            }
            challenge.params[name.toLowerCase()] = value;
            skipSpace();
            if (header[i] === ',')
                i++;
        }
        challenges.push(challenge);
    }
    return challenges;
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/auth.ts


/** A token scope such as `repository:acme/app:pull,push`. */
function repositoryScope(repository, actions) {
    return `repository:${repository}:${actions.join(',')}`;
}
/** Merges scopes per resource, uniting their actions, so one token covers a mount's two repositories. */
function mergeScopes(...lists) {
    const byResource = new Map();
    for (const scope of lists.flat()) {
        const cut = scope.lastIndexOf(':');
        if (cut <= 0)
            continue;
        const resource = scope.slice(0, cut);
        const actions = byResource.get(resource) ?? new Set();
        for (const action of scope.slice(cut + 1).split(','))
            if (action)
                actions.add(action);
        byResource.set(resource, actions);
    }
    return [...byResource].map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`).sort();
}
const tokenExpiryMarginMs = 10_000;
const defaultTokenLifetimeS = 60;
/**
 * Answers registry auth challenges and caches what it learns: which scheme each host wants, and bearer tokens
 * per (host, service, scope set) until they expire. One session can serve many repositories and registries,
 * so concurrent pushes share tokens and credentials are looked up once per host.
 */
class AuthSession {
    #transport;
    #options;
    #schemes = new Map();
    #tokens = new Map();
    #inflight = new Map();
    #credentials = new Map();
    constructor(transport, options = {}) {
        this.#transport = transport;
        this.#options = options;
    }
    /** Credentials for a host, looked up once; every secret in them is reported to `onSecret`. */
    credentialFor(registry) {
        let pending = this.#credentials.get(registry);
        if (!pending) {
            pending = (this.#options.credentials?.(registry) ?? Promise.resolve(undefined)).then((credential) => {
                for (const secret of [credential?.password, credential?.identityToken, credential?.registryToken]) {
                    if (secret)
                        this.#options.onSecret?.(secret);
                }
                return credential;
            });
            this.#credentials.set(registry, pending);
        }
        return pending;
    }
    /** The Authorization header to send up front, when the host's scheme is already known; else undefined. */
    async authorization(registry, scopes) {
        const credential = await this.credentialFor(registry);
        if (credential?.registryToken)
            return `Bearer ${credential.registryToken}`;
        const scheme = this.#schemes.get(registry);
        if (!scheme)
            return undefined;
        if (scheme.scheme === 'basic')
            return basicHeader(credential);
        return (await this.#token(registry, scheme, [...scopes], credential, false)).header;
    }
    /**
     * Handles a 401: learns the host's scheme from the challenge and returns the header to retry with, or
     * undefined when there is nothing better to send than what was just rejected.
     */
    async challenge(registry, wwwAuthenticate, scopes, rejected) {
        const challenges = parseChallenges(wwwAuthenticate ?? '');
        const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
        const basic = challenges.find((c) => c.scheme === 'basic');
        const credential = await this.credentialFor(registry);
        if (bearer) {
            const scheme = { scheme: 'bearer', realm: bearer.params.realm, service: bearer.params.service };
            this.#schemes.set(registry, scheme);
            const wanted = mergeScopes([...scopes], challengeScopes(bearer));
            const token = await this.#token(registry, scheme, wanted, credential, rejected !== undefined);
            return token.header === rejected ? undefined : token.header;
        }
        if (basic) {
            this.#schemes.set(registry, { scheme: 'basic' });
            const header = basicHeader(credential);
            return header === rejected ? undefined : header;
        }
        return undefined;
    }
    async #token(registry, scheme, scopes, credential, refresh) {
        const wanted = mergeScopes(scopes);
        const prefix = `${registry}|${scheme.realm}|${scheme.service ?? ''}|`;
        const key = prefix + wanted.join(' ');
        if (!refresh) {
            // Any live token whose scopes cover these will do: a pull,push token also serves the pulls that follow.
            for (const [cachedKey, cached] of this.#tokens) {
                if (cached.expiresAt > Date.now() && cachedKey.startsWith(prefix) && covers(cached.scopes, wanted))
                    return cached;
            }
        }
        let pending = this.#inflight.get(key);
        if (!pending) {
            pending = this.#fetchToken(registry, scheme, wanted, credential).finally(() => this.#inflight.delete(key));
            this.#inflight.set(key, pending);
        }
        const token = await pending;
        this.#tokens.set(key, token);
        return token;
    }
    async #fetchToken(registry, scheme, scopes, credential) {
        const realm = new URL(scheme.realm);
        let response;
        if (credential?.identityToken) {
            // OAuth2 refresh-token grant (docker/distribution token spec, "oauth.md"), as docker does for identity tokens.
            const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credential.identityToken, client_id: this.#options.clientId ?? 'd2ci' });
            if (scheme.service)
                form.set('service', scheme.service);
            if (scopes.length)
                form.set('scope', scopes.join(' '));
            response = await this.#transport.send({
                method: 'POST',
                url: realm,
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: () => form.toString(),
            });
        }
        else {
            if (scheme.service)
                realm.searchParams.set('service', scheme.service);
            for (const scope of scopes)
                realm.searchParams.append('scope', scope);
            const headers = {};
            const basic = basicHeader(credential);
            if (basic)
                headers.authorization = basic;
            response = await this.#transport.send({ method: 'GET', url: realm, headers });
        }
        if (!response.ok) {
            const detail = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
            const who = credential?.username || credential?.identityToken ? 'rejected the credentials' : 'refused anonymous access';
            throw new errors/* OciError */.Mf(response.status === 403 ? 'DENIED' : 'UNAUTHORIZED', `token server ${realm.host} for ${registry} ${who} (${response.status}${detail ? `: ${detail}` : ''})`, { status: response.status === 403 ? 403 : 401 });
        }
        const body = (await response.json().catch(() => ({})));
        const token = body.token || body.access_token;
        if (!token)
            throw new errors/* OciError */.Mf('UNAUTHORIZED', `token server ${realm.host} for ${registry} returned no token`, { status: 401 });
        this.#options.onSecret?.(token);
        const lifetime = (body.expires_in && body.expires_in > 0 ? body.expires_in : defaultTokenLifetimeS) * 1000;
        const issued = body.issued_at ? Date.parse(body.issued_at) : Number.NaN;
        const start = Number.isNaN(issued) ? Date.now() : Math.min(issued, Date.now());
        return { header: `Bearer ${token}`, expiresAt: start + lifetime - tokenExpiryMarginMs, scopes };
    }
}
/** Whether a token granted for `have` (merged scopes) also covers every action in `want`. */
function covers(have, want) {
    const granted = new Map(have.map((scope) => {
        const cut = scope.lastIndexOf(':');
        return [scope.slice(0, cut), new Set(scope.slice(cut + 1).split(','))];
    }));
    return want.every((scope) => {
        const cut = scope.lastIndexOf(':');
        const actions = granted.get(scope.slice(0, cut));
        return actions !== undefined && scope.slice(cut + 1).split(',').every((a) => actions.has(a) || actions.has('*'));
    });
}
function challengeScopes(challenge) {
    return (challenge.params.scope ?? '').split(' ').filter(Boolean);
}
function basicHeader(credential) {
    if (!credential?.username && !credential?.password)
        return undefined;
    return `Basic ${Buffer.from(`${credential.username ?? ''}:${credential.password ?? ''}`).toString('base64')}`;
}

// EXTERNAL MODULE: ../../packages/core/src/oci/reference.ts
var reference = __nccwpck_require__(8936);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __nccwpck_require__(8341);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __nccwpck_require__(8085);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __nccwpck_require__(8613);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var oci_descriptor = __nccwpck_require__(7796);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var oci_content = __nccwpck_require__(3632);
// EXTERNAL MODULE: ../../packages/core/src/oci/memory.ts
var memory = __nccwpck_require__(6198);
// EXTERNAL MODULE: ../../packages/core/src/oci/referrers.ts
var referrers = __nccwpck_require__(6869);
;// CONCATENATED MODULE: ../../packages/core/src/oci/remote.ts












const defaultMonolithicLimit = 128 * 1024 * 1024;
const defaultChunkSize = 32 * 1024 * 1024;
const maxManifestBytes = 8 * 1024 * 1024;
const manifestAccept = media_types/* manifestMediaTypes */.$P.join(', ');
/** A repository on an OCI distribution registry, as a Target. */
class RemoteRepository {
    registry;
    repository;
    name;
    #client;
    #monolithicLimit;
    #chunkSize;
    constructor(client, registry, repository, upload = {}) {
        this.#client = client;
        this.registry = registry;
        this.repository = repository;
        this.name = `${registry}/${repository}`;
        this.#monolithicLimit = upload.monolithicLimit ?? defaultMonolithicLimit;
        this.#chunkSize = Math.max(1, upload.chunkSize ?? defaultChunkSize);
    }
    /** Whether this client reaches the registry over plain HTTP (`insecure`, a loopback host, or an http endpoint). */
    get plainHttp() {
        return this.#client.baseUrl(this.registry).startsWith('http:');
    }
    #url(path) {
        return `${this.#client.baseUrl(this.registry)}/v2/${this.repository}/${path}`;
    }
    #send(request, actions = ['pull'], extraScopes = []) {
        return this.#client.send(this.registry, { ...request, scopes: [...this.#client.scopes(this.repository, actions), ...extraScopes] });
    }
    async resolve(reference) {
        const response = await this.#send({ method: 'HEAD', url: this.#url(`manifests/${reference}`), headers: { accept: manifestAccept } });
        if (response.status === 404)
            throw notFound(this.name, reference);
        if (!response.ok)
            throw await responseError(response, `resolve ${this.name}:${reference}`);
        const digest = response.headers.get('docker-content-digest');
        const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
        const size = Number(response.headers.get('content-length'));
        if (!digest || !mediaType || !(0,media_types/* isManifestMediaType */.CM)(mediaType) || !Number.isSafeInteger(size)) {
            // Older registries may omit the digest on HEAD; GET tells us everything.
            return (await this.fetchManifest(reference)).descriptor;
        }
        if (reference.includes(':') && digest !== reference) {
            throw new errors/* OciError */.Mf('DIGEST_MISMATCH', `${this.name} answered ${digest} for ${reference}`);
        }
        return { mediaType, digest, size };
    }
    async fetchManifest(reference) {
        const response = await this.#send({ method: 'GET', url: this.#url(`manifests/${reference}`), headers: { accept: manifestAccept } });
        if (response.status === 404) {
            await response.body?.cancel();
            throw notFound(this.name, reference);
        }
        if (!response.ok)
            throw await responseError(response, `fetch manifest ${this.name}:${reference}`);
        const bytes = await (0,oci_content/* readAll */.yw)(response.body ?? external_node_stream_.Readable.from([]), maxManifestBytes);
        const byDigest = reference.includes(':');
        const digest = byDigest ? reference : (0,oci_digest/* sha256 */.sc)(bytes);
        if (byDigest)
            (0,oci_digest/* verifyBytes */.RV)(bytes, { digest });
        const claimed = response.headers.get('docker-content-digest');
        if (!byDigest && claimed?.startsWith('sha256:') && claimed !== digest) {
            throw new errors/* OciError */.Mf('DIGEST_MISMATCH', `${this.name}:${reference} claims ${claimed} but its content hashes to ${digest}`);
        }
        const { mediaType } = (0,oci_descriptor/* parseManifest */.Ng)(bytes, response.headers.get('content-type') ?? undefined);
        return { descriptor: { mediaType, digest, size: bytes.length }, bytes };
    }
    async fetch(descriptor) {
        const manifest = (0,media_types/* isManifestMediaType */.CM)(descriptor.mediaType);
        const headers = manifest ? { accept: manifestAccept } : { 'accept-encoding': 'identity' };
        const response = await this.#send({ method: 'GET', url: this.#url(`${manifest ? 'manifests' : 'blobs'}/${descriptor.digest}`), headers });
        if (response.status === 404) {
            await response.body?.cancel();
            throw notFound(this.name, descriptor.digest, manifest ? 'MANIFEST_UNKNOWN' : 'BLOB_UNKNOWN');
        }
        if (!response.ok || !response.body)
            throw await responseError(response, `fetch ${descriptor.digest} from ${this.name}`);
        const verifier = new oci_digest/* DigestStream */.vl({ digest: descriptor.digest, size: descriptor.size });
        const body = external_node_stream_.Readable.fromWeb(response.body);
        body.on('error', (err) => verifier.destroy(err));
        return body.pipe(verifier);
    }
    source(descriptor) {
        return (0,memory/* targetSource */.Z)(this, descriptor);
    }
    async exists(descriptor) {
        const kind = (0,media_types/* isManifestMediaType */.CM)(descriptor.mediaType) ? 'manifests' : 'blobs';
        const headers = kind === 'manifests' ? { accept: manifestAccept } : {};
        const response = await this.#send({ method: 'HEAD', url: this.#url(`${kind}/${descriptor.digest}`), headers });
        if (response.status === 404)
            return false;
        if (response.ok)
            return true;
        throw await responseError(response, `check ${descriptor.digest} in ${this.name}`);
    }
    async push(descriptor, content) {
        if ((0,media_types/* isManifestMediaType */.CM)(descriptor.mediaType)) {
            const bytes = await (0,oci_content/* readAll */.yw)(content.open(), maxManifestBytes);
            await this.pushReference(descriptor, bytes, descriptor.digest);
            return;
        }
        await this.#upload(descriptor, content, undefined);
    }
    async mount(descriptor, fromRepository, fallback) {
        return this.#upload(descriptor, fallback, fromRepository);
    }
    async pushReference(descriptor, bytes, reference) {
        (0,oci_digest/* verifyBytes */.RV)(bytes, descriptor);
        const response = await this.#send({ method: 'PUT', url: this.#url(`manifests/${reference}`), headers: { 'content-type': descriptor.mediaType }, body: () => bytes }, ['pull', 'push']);
        if (response.status !== 201 && response.status !== 200) {
            throw await responseError(response, `push manifest ${this.name}:${reference}`);
        }
        await response.body?.cancel();
        const stored = response.headers.get('docker-content-digest');
        if (stored?.startsWith('sha256:') && descriptor.digest.startsWith('sha256:') && stored !== descriptor.digest) {
            throw new errors/* OciError */.Mf('DIGEST_MISMATCH', `${this.name} stored ${reference} as ${stored}, expected ${descriptor.digest}`);
        }
        const { manifest } = (0,oci_descriptor/* parseManifest */.Ng)(bytes, descriptor.mediaType);
        if (manifest.subject && !response.headers.get('oci-subject')) {
            // The registry has no referrers API: keep the Referrers Tag Schema index up to date instead.
            await this.#updateReferrersIndex(manifest.subject.digest, (index) => (0,referrers/* addReferrer */.Xg)(index, (0,referrers/* referrerDescriptor */.xh)(descriptor, manifest)));
        }
    }
    async tag(descriptor, tag) {
        const { bytes } = await this.fetchManifest(descriptor.digest);
        await this.pushReference(descriptor, bytes, tag);
    }
    async tags() {
        const tags = [];
        const seen = new Set();
        let next = this.#url('tags/list?n=1000');
        while (next && !seen.has(next)) {
            seen.add(next);
            const response = await this.#send({ method: 'GET', url: next, headers: { accept: 'application/json' } });
            if (response.status === 404) {
                await response.body?.cancel();
                return [];
            }
            if (!response.ok)
                throw await responseError(response, `list tags of ${this.name}`);
            const body = (await response.json());
            tags.push(...(body.tags ?? []));
            next = nextLink(response.headers.get('link'), next);
        }
        return [...new Set(tags)].sort(order/* compareBytes */.X);
    }
    async referrers(descriptor, options = {}) {
        const query = options.artifactType ? `?artifactType=${encodeURIComponent(options.artifactType)}` : '';
        let next = this.#url(`referrers/${descriptor.digest}${query}`);
        const found = [];
        let filtered = true;
        const seen = new Set();
        while (next && !seen.has(next)) {
            seen.add(next);
            const response = await this.#send({ method: 'GET', url: next, headers: { accept: media_types/* MediaType */.zu.ociIndex } });
            const type = response.headers.get('content-type')?.split(';')[0]?.trim();
            if (response.status === 401 || response.status === 403)
                throw await responseError(response, `list referrers of ${descriptor.digest}`);
            if (response.status !== 200 || type !== media_types/* MediaType */.zu.ociIndex) {
                // No referrers API here (distribution 2.8 and GHCR answer 404): use the tag schema.
                await response.body?.cancel();
                return (0,referrers/* filterByArtifactType */.Ul)((await this.#readReferrersIndex(descriptor.digest))?.index.manifests ?? [], options.artifactType);
            }
            const index = (await response.json());
            found.push(...(index.manifests ?? []));
            filtered &&= (response.headers.get('oci-filters-applied') ?? '').split(',').map((s) => s.trim()).includes('artifactType');
            next = nextLink(response.headers.get('link'), next);
        }
        return filtered ? found : (0,referrers/* filterByArtifactType */.Ul)(found, options.artifactType);
    }
    async delete(descriptor) {
        const manifest = (0,media_types/* isManifestMediaType */.CM)(descriptor.mediaType);
        let subject;
        if (manifest) {
            const fetched = await this.fetchManifest(descriptor.digest).catch((err) => {
                if ((0,errors/* isNotFound */.c4)(err))
                    return undefined;
                throw err;
            });
            if (fetched)
                subject = (0,oci_descriptor/* parseManifest */.Ng)(fetched.bytes, fetched.descriptor.mediaType).manifest.subject?.digest;
        }
        const response = await this.#send({ method: 'DELETE', url: this.#url(`${manifest ? 'manifests' : 'blobs'}/${descriptor.digest}`) }, ['pull', 'push', 'delete']);
        if (response.status === 404) {
            await response.body?.cancel();
            throw notFound(this.name, descriptor.digest, manifest ? 'MANIFEST_UNKNOWN' : 'BLOB_UNKNOWN');
        }
        if (!response.ok)
            throw await responseError(response, `delete ${descriptor.digest} from ${this.name}`);
        await response.body?.cancel();
        if (subject)
            await this.#updateReferrersIndex(subject, (index) => (0,referrers/* removeReferrer */.Qy)(index, descriptor.digest), { ifPresent: true });
    }
    async #readReferrersIndex(subject) {
        const tag = (0,referrers/* referrersTag */.LN)(subject);
        const response = await this.#send({ method: 'GET', url: this.#url(`manifests/${tag}`), headers: { accept: media_types/* MediaType */.zu.ociIndex } });
        if (response.status === 404) {
            await response.body?.cancel();
            return undefined;
        }
        if (!response.ok)
            throw await responseError(response, `read referrers index ${this.name}:${tag}`);
        const bytes = await (0,oci_content/* readAll */.yw)(response.body ?? external_node_stream_.Readable.from([]), maxManifestBytes);
        const { manifest, mediaType } = (0,oci_descriptor/* parseManifest */.Ng)(bytes, response.headers.get('content-type') ?? undefined);
        if (!(0,media_types/* isIndexMediaType */.$$)(mediaType))
            throw new errors/* OciError */.Mf('MANIFEST_INVALID', `${this.name}:${tag} is not an image index, so it cannot hold referrers`);
        return { index: manifest, etag: response.headers.get('etag') };
    }
    async #updateReferrersIndex(subject, change, options = {}) {
        const current = await this.#readReferrersIndex(subject);
        if (!current && options.ifPresent)
            return;
        const index = current?.index ?? (0,referrers/* emptyReferrersIndex */._9)();
        if (!change(index))
            return;
        const bytes = Buffer.from(JSON.stringify(index));
        const headers = { 'content-type': media_types/* MediaType */.zu.ociIndex };
        if (current?.etag)
            headers['if-match'] = current.etag;
        const tag = (0,referrers/* referrersTag */.LN)(subject);
        const response = await this.#send({ method: 'PUT', url: this.#url(`manifests/${tag}`), headers, body: () => bytes }, ['pull', 'push']);
        if (response.status !== 201 && response.status !== 200)
            throw await responseError(response, `update referrers index ${this.name}:${tag}`);
        await response.body?.cancel();
    }
    /**
     * Uploads a blob: optional cross-repository mount, then one streamed PUT or PATCH chunks. A failed attempt
     * is retried from a fresh session (or resumed at the registry's offset, for chunks), after checking
     * whether the blob landed anyway.
     */
    async #upload(descriptor, content, mountFrom) {
        if (content.size !== descriptor.size) {
            throw new errors/* OciError */.Mf('SIZE_INVALID', `content for ${descriptor.digest} is ${content.size} bytes, its descriptor says ${descriptor.size}`);
        }
        const policy = this.#client.transport.policy;
        const mountScope = mountFrom ? this.#client.scopes(mountFrom, ['pull']) : [];
        for (let attempt = 1;; attempt++) {
            try {
                const mountQuery = mountFrom ? `?mount=${encodeURIComponent(descriptor.digest)}&from=${encodeURIComponent(mountFrom)}` : '';
                const start = await this.#send({ method: 'POST', url: this.#url(`blobs/uploads/${mountQuery}`), headers: { 'content-length': '0' } }, ['pull', 'push'], mountScope);
                if (start.status === 201 && mountFrom) {
                    await start.body?.cancel();
                    return 'mounted';
                }
                if (start.status !== 202)
                    throw await responseError(start, `start upload of ${descriptor.digest} to ${this.name}`);
                await start.body?.cancel();
                let location = this.#location(start);
                if (descriptor.size > this.#monolithicLimit)
                    location = await this.#patchChunks(location, content);
                const put = await this.#send({
                    method: 'PUT',
                    url: withDigest(location, descriptor.digest),
                    headers: { 'content-type': 'application/octet-stream', 'content-length': String(descriptor.size > this.#monolithicLimit ? 0 : descriptor.size) },
                    ...(descriptor.size > this.#monolithicLimit ? { body: () => new Uint8Array() } : { upload: { source: content, start: 0, end: descriptor.size } }),
                    retry: false,
                }, ['pull', 'push']);
                if (put.status !== 201 && put.status !== 204)
                    throw await responseError(put, `upload ${descriptor.digest} to ${this.name}`);
                await put.body?.cancel();
                return 'uploaded';
            }
            catch (err) {
                if (attempt >= policy.attempts || !isRetryableUploadError(err))
                    throw err;
                if (await this.exists(descriptor).catch(() => false))
                    return 'uploaded';
                await (0,external_node_timers_promises_.setTimeout)(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() * 0.5));
            }
        }
    }
    /** Sends the content in PATCH chunks, resuming at the registry's reported offset after a failure. */
    async #patchChunks(location, content) {
        const policy = this.#client.transport.policy;
        let offset = 0;
        let failures = 0;
        while (offset < content.size) {
            const end = Math.min(offset + this.#chunkSize, content.size);
            const from = offset;
            try {
                const response = await this.#send({
                    method: 'PATCH',
                    url: location,
                    headers: { 'content-type': 'application/octet-stream', 'content-length': String(end - from), 'content-range': `${from}-${end - 1}` },
                    upload: { source: content, start: from, end },
                    retry: false,
                }, ['pull', 'push']);
                if (response.status !== 202)
                    throw await responseError(response, `upload chunk ${from}-${end - 1} to ${this.name}`);
                await response.body?.cancel();
                location = this.#location(response);
                offset = rangeEnd(response.headers.get('range'), end) ?? end;
            }
            catch (err) {
                if (++failures >= policy.attempts || !(isRetryableUploadError(err) || (err instanceof errors/* OciError */.Mf && err.status === 416)))
                    throw err;
                await (0,external_node_timers_promises_.setTimeout)(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1)));
                // Ask the registry how much it has (distribution-spec "Get upload status": 204 + Range).
                const status = await this.#send({ method: 'GET', url: location }, ['pull', 'push']);
                if (status.status !== 204)
                    throw await responseError(status, `resume upload to ${this.name}`);
                await status.body?.cancel();
                location = this.#location(status, location);
                offset = rangeEnd(status.headers.get('range'), 0) ?? 0;
            }
        }
        return location;
    }
    #location(response, fallback) {
        const location = response.headers.get('location') ?? fallback;
        if (!location)
            throw new errors/* OciError */.Mf('BLOB_UPLOAD_INVALID', `${this.name} started an upload without a Location header`);
        return new URL(location, this.#client.baseUrl(this.registry)).href;
    }
}
function notFound(name, reference, code = 'MANIFEST_UNKNOWN') {
    const what = reference.includes(':') ? reference : `tag "${reference}"`;
    return new errors/* OciError */.Mf(code, `${what} not found in ${name}`, { status: 404 });
}
function withDigest(location, digest) {
    return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}
/**
 * The byte after the last one a `Range: 0-<end>` header reports as received. Registries answer `0-0` both for an
 * empty session and for one holding a single byte (distribution clamps `size-1` at 0); the caller says which
 * reading to take.
 */
function rangeEnd(range, whenZeroZero) {
    const match = /^(?:bytes=)?0-([0-9]+)$/.exec(range?.trim() ?? '');
    if (!match)
        return undefined;
    return match[1] === '0' ? whenZeroZero : Number(match[1]) + 1;
}
function isRetryableUploadError(err) {
    if (!(err instanceof errors/* OciError */.Mf))
        return (0,http/* networkErrorCode */.a0)(err) !== undefined;
    if (err.code === 'NETWORK')
        return (0,http/* networkErrorCode */.a0)(err.cause) !== 'ENOTFOUND';
    return err.status === 429 || (err.status !== undefined && err.status >= 500) || ['BLOB_UPLOAD_UNKNOWN', 'BLOB_UPLOAD_INVALID', 'DIGEST_INVALID'].includes(err.code);
}
/** The `rel="next"` target of a `Link` header, resolved against the current URL. */
function nextLink(header, current) {
    if (!header)
        return undefined;
    for (const part of header.split(/,(?=\s*<)/)) {
        const match = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
        const rel = /\brel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match?.[2] ?? '');
        const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
        if (match && relations.includes('next'))
            return new URL(match[1] ?? '', current).href;
    }
    return undefined;
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/registry.ts





/**
 * One client for every registry: a shared transport (connection reuse, retries) and a shared auth session
 * (token cache), so many repositories pushed concurrently authenticate once per host and scope.
 */
class registry_RegistryClient {
    transport;
    auth;
    options;
    constructor(options = {}) {
        this.options = options;
        this.transport = new http/* Transport */.oK({ userAgent: 'd2ci', allowHttp: options.insecure === true, ...options.transport });
        this.auth = new AuthSession(this.transport, { credentials: options.credentials, onSecret: options.onSecret });
    }
    repository(reference) {
        return new RemoteRepository(this, reference.registry, reference.repository, this.options.upload);
    }
    /** `scheme://host` of a registry's API endpoint. */
    baseUrl(registry) {
        const mapped = this.options.endpoints?.[registry];
        if (mapped)
            return mapped.replace(/\/+$/, '');
        const insecure = this.options.insecure;
        const plain = insecure === true || (Array.isArray(insecure) && insecure.includes(registry)) || (0,reference/* isLoopbackHost */.cW)(registry);
        return `${plain ? 'http' : 'https'}://${(0,reference/* registryEndpoint */.Fh)(registry)}`;
    }
    scopes(repository, actions) {
        return [repositoryScope(repository, actions)];
    }
    /** Sends a request with whatever authorization the host wants, answering one 401 challenge if needed. */
    async send(registry, request) {
        const authorization = await this.auth.authorization(registry, request.scopes);
        let response = await this.transport.send(withAuthorization(request, authorization));
        if (response.status === 401) {
            const retry = await this.auth.challenge(registry, response.headers.get('www-authenticate'), request.scopes, authorization);
            if (retry) {
                await response.body?.cancel();
                response = await this.transport.send(withAuthorization(request, retry));
            }
        }
        const warning = response.headers.get('warning');
        if (warning && this.options.onWarning) {
            for (const match of warning.matchAll(/299\s+\S+\s+"((?:[^"\\]|\\.)*)"/g))
                this.options.onWarning(`${registry}: ${match[1]}`);
        }
        return response;
    }
}
function withAuthorization(request, authorization) {
    const headers = { ...request.headers };
    if (authorization)
        headers.authorization = authorization;
    return { ...request, headers };
}
/** Reads an error response into a one-line OciError: `<what>: <status> <CODE>: <message>`. */
async function responseError(response, what) {
    let code = statusCode(response.status);
    let message = '';
    const text = await response.text().catch(() => '');
    try {
        const body = JSON.parse(text);
        const first = body.errors?.[0];
        if (first?.code)
            code = first.code;
        if (first?.message)
            message = first.message;
    }
    catch {
        message = text.trim().slice(0, 200);
    }
    const retryAfter = response.headers.get('retry-after');
    const attempts = (0,http/* attemptsOf */.Or)(response);
    const suffix = `${response.status === 429 && retryAfter ? ` (registry asked to retry after ${retryAfter}s)` : ''}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`;
    const status = `${response.status} ${code}`;
    return new errors/* OciError */.Mf(code, `${what}: ${status}${message && message !== code ? `: ${message}` : ''}${suffix}`.replace(/\s+/g, ' '), {
        status: response.status,
    });
}
function statusCode(status) {
    switch (status) {
        case 401:
            return 'UNAUTHORIZED';
        case 403:
            return 'DENIED';
        case 404:
            return 'NOT_FOUND';
        case 429:
            return 'TOOMANYREQUESTS';
        default:
            return status >= 500 ? 'SERVER_ERROR' : 'UNEXPECTED_STATUS';
    }
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/registry.ts



/** The registry inputs every d2ci action shares; credentials are masked as soon as they are read. */
function registryInputs() {
    const username = inputs_stringInput('registry-username');
    const password = inputs_stringInput('registry-password');
    const githubToken = inputs_stringInput('github-token');
    if (password)
        setSecret(password);
    if (githubToken)
        setSecret(githubToken);
    if (username && !password)
        throw new inputs_InputError('registry-password', 'is empty but `registry-username` is set; pass the password or token, e.g. ${{ secrets.REGISTRY_TOKEN }}');
    if (password && !username)
        throw new inputs_InputError('registry-username', 'is empty but `registry-password` is set; add the user name');
    let provider;
    try {
        provider = resolve_parseProvider(inputs_stringInput('provider'));
    }
    catch (err) {
        throw new inputs_InputError('provider', err.message);
    }
    const cloud = {};
    const awsRoleArn = inputs_stringInput('aws-role-arn');
    const awsRegion = inputs_stringInput('aws-region');
    if (awsRoleArn && !/^arn:aws[a-z-]*:iam::[0-9]{12}:role\/.+$/.test(awsRoleArn))
        throw new inputs_InputError('aws-role-arn', `"${awsRoleArn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
    if (awsRoleArn || awsRegion)
        cloud.aws = { ...(awsRoleArn ? { roleArn: awsRoleArn } : {}), ...(awsRegion ? { region: awsRegion } : {}) };
    const gcpProvider = inputs_stringInput('gcp-workload-identity-provider');
    const gcpAccount = inputs_stringInput('gcp-service-account');
    if (gcpProvider || gcpAccount)
        cloud.gcp = { ...(gcpProvider ? { workloadIdentityProvider: gcpProvider } : {}), ...(gcpAccount ? { serviceAccount: gcpAccount } : {}) };
    const azureClient = inputs_stringInput('azure-client-id');
    const azureTenant = inputs_stringInput('azure-tenant-id');
    if (azureClient || azureTenant)
        cloud.azure = { ...(azureClient ? { clientId: azureClient } : {}), ...(azureTenant ? { tenantId: azureTenant } : {}) };
    if (provider === 'gcp' && !cloud.gcp?.workloadIdentityProvider)
        throw new inputs_InputError('gcp-workload-identity-provider', 'is required with `provider: gcp`: projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>');
    return { provider, insecure: booleanInput('insecure', false), username, password, githubToken, cloud };
}
/** Parses a repository input (`host/path`, `oci://host/path` or `oci-layout:DIR`), refusing tags and digests. */
function repositoryInput(name, value) {
    let location;
    try {
        location = (0,oci_open/* parseLocation */.zS)(value);
    }
    catch (err) {
        if (err instanceof errors/* InvalidReferenceError */.x_)
            throw new inputs_InputError(name, err.message.replace(/^invalid reference /, ''));
        throw err;
    }
    const tag = location.kind === 'registry' ? location.reference.tag : location.tag;
    const digest = location.kind === 'registry' ? location.reference.digest : location.digest;
    if (tag || digest)
        throw new inputs_InputError(name, `"${value}" must not include a ${digest ? 'digest' : `tag (":${tag}")`}; give the repository only and set the tags with \`tags\` or \`diff-tag\``);
    return location;
}
/** The job's registry credentials (inputs, cloud provider, GITHUB_TOKEN for GHCR, docker config), each masked as obtained. */
function jobCredentials(inputs, context, provider = inputs.provider) {
    return registryCredentials({
        provider,
        username: inputs.username,
        password: inputs.password,
        githubToken: inputs.githubToken,
        githubActor: context.actor,
        githubServerUrl: context.serverUrl,
        cloud: inputs.cloud,
        onSecret: (secret) => setSecret(secret),
    });
}
/** A registry client whose every credential and token is masked in the log before it can appear. */
function registrySession(inputs, context, location) {
    if (location.kind === 'registry') {
        try {
            assertProviderServes(inputs.provider, location.reference.registry);
        }
        catch (err) {
            if (err instanceof ProviderError)
                throw new inputs_InputError('provider', err.message);
            throw err;
        }
    }
    const credentials = jobCredentials(inputs, context);
    const client = new registry_RegistryClient({
        credentials,
        insecure: inputs.insecure,
        onSecret: (secret) => setSecret(secret),
        onWarning: (message) => warning(message),
    });
    return { client, credentials };
}
/**
 * Registry clients for many registries at once (image update scans every ImageRepository): one per credentials
 * provider and scheme, each masking what it obtains. An ImageRepository's own `provider` wins over the input.
 */
function registryClients(inputs, context) {
    const clients = new Map();
    return (provider, insecure) => {
        const name = provider && provider !== 'generic' ? parseProvider(provider) : inputs.provider;
        const key = `${name}/${insecure || inputs.insecure}`;
        let client = clients.get(key);
        if (!client) {
            client = new RegistryClient({ credentials: jobCredentials(inputs, context, name), insecure: insecure || inputs.insecure, onSecret: (secret) => core.setSecret(secret), onWarning: (message) => core.warning(message) });
            clients.set(key, client);
        }
        return client;
    };
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/run.ts

/** One line for the log: the error's message without stack or newlines. */
function run_oneLine(err) {
    const message = err instanceof Error ? err.message : String(err);
    return message.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error';
}
/** Runs an action's main function; any failure becomes one `::error::` line and exit code 1. */
async function runAction(main) {
    try {
        await main();
    }
    catch (err) {
        setFailed(run_oneLine(err));
        if (process.env.RUNNER_DEBUG === '1' && err instanceof Error && err.stack)
            debug(err.stack);
    }
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/summary.ts
/** Human-readable byte counts for logs and summaries (1 kB = 1000 B). */
function formatBytes(bytes) {
    if (bytes < 1000)
        return `${bytes} B`;
    const units = ['kB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
/** A digest shortened for tables: `sha256:0123456789ab`. */
function shortDigest(digest) {
    return digest.replace(/^(sha256:[a-f0-9]{12})[a-f0-9]*$/, '$1');
}
/** Escapes text for a markdown table cell. */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

// EXTERNAL MODULE: ../../packages/core/src/sign/sign.ts + 1 modules
var sign = __nccwpck_require__(1047);
// EXTERNAL MODULE: ../../packages/core/src/sign/keys.ts + 4 modules
var keys = __nccwpck_require__(6666);
// EXTERNAL MODULE: ../../packages/core/src/sign/signer.ts + 1 modules
var signer = __nccwpck_require__(814);
// EXTERNAL MODULE: ../../packages/core/src/sign/notation.ts + 1 modules
var notation = __nccwpck_require__(995);
;// CONCATENATED MODULE: ../../packages/core/src/sign/notation-plugin.ts
// A client for Notation's plugin protocol (notaryproject/specifications plugin-extensibility.md; notation-go
// plugin/plugin.go and signer/plugin.go): `notation-<name>` executables answering `get-plugin-metadata`,
// `describe-key` and `generate-signature` with JSON on stdin/stdout, so keys in key vaults can sign.






/** The plugin contract version notation-go speaks (notation-plugin-framework-go plugin.ContractVersion). */
const notationPluginContractVersion = '1.0';
const NotationPluginCapability = {
    signatureGenerator: 'SIGNATURE_GENERATOR.RAW',
    envelopeGenerator: 'SIGNATURE_GENERATOR.ENVELOPE',
    trustedIdentityVerifier: 'SIGNATURE_VERIFIER.TRUSTED_IDENTITY',
    revocationCheckVerifier: 'SIGNATURE_VERIFIER.REVOCATION_CHECK',
};
/** A plugin's error: its `errorCode` (VALIDATION_ERROR, ACCESS_DENIED, TIMEOUT, THROTTLED, ERROR, ...) when it sent one. */
class NotationPluginError extends notation/* NotationError */.B1 {
    code;
    metadata;
    constructor(message, code, metadata) {
        super(message);
        this.name = 'NotationPluginError';
        this.code = code;
        this.metadata = metadata;
    }
}
/** Notation's plugin directory: `$XDG_CONFIG_HOME/notation/plugins` (Linux), `%AppData%\notation\plugins`, `~/Library/Application Support/notation/plugins`. */
function defaultNotationPluginDirectory(env = process.env, platform = process.platform) {
    if (platform === 'win32')
        return (0,external_node_path_.join)(env.APPDATA ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), 'AppData', 'Roaming'), 'notation', 'plugins');
    if (platform === 'darwin')
        return (0,external_node_path_.join)((0,external_node_os_.homedir)(), 'Library', 'Application Support', 'notation', 'plugins');
    return (0,external_node_path_.join)(env.XDG_CONFIG_HOME || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.config'), 'notation', 'plugins');
}
/** Where notation looks for a plugin: `<directory>/<name>/notation-<name>` (`.exe` on Windows). */
function notationPluginPath(name, directory = defaultNotationPluginDirectory(), platform = process.platform) {
    return (0,external_node_path_.join)(directory, name, `notation-${name}${platform === 'win32' ? '.exe' : ''}`);
}
const maxOutputBytes = 64 * 1024 * 1024;
/** Runs the commands of one `notation-<name>` executable. */
class NotationPlugin {
    name;
    executable;
    #timeoutMs;
    #env;
    constructor(options) {
        this.name = options.name;
        this.executable = options.executable ?? notationPluginPath(options.name, options.pluginDirectory);
        this.#timeoutMs = options.timeoutMs ?? 120_000;
        this.#env = options.env;
    }
    /** The spec's plugin candidate test: a regular file (not a symlink) that the current user may execute. */
    async #checkExecutable() {
        let info;
        try {
            info = await (0,promises_.lstat)(this.executable);
        }
        catch (err) {
            throw new NotationPluginError(`plugin executable file is either not found or inaccessible: ${this.executable} (${err.code ?? err.message})`);
        }
        if (!info.isFile())
            throw new NotationPluginError(`plugin executable ${this.executable} is not a regular file (symlinks are not supported)`);
    }
    /**
     * Runs `notation-<name> <command>` with the request on stdin. Exit 0: the JSON response on stdout. Otherwise
     * the JSON error on stderr (`errorCode`, `errorMessage`, `errorMetadata`), as notation-go reads it.
     */
    async run(command, request) {
        await this.#checkExecutable();
        const { code, stdout, stderr, timedOut, spawnError } = await new Promise((resolve) => {
            const child = (0,external_node_child_process_.spawn)(this.executable, [command], { stdio: ['pipe', 'pipe', 'pipe'], env: this.#env ?? process.env });
            const out = [];
            const err = [];
            let outBytes = 0;
            let errBytes = 0;
            let timedOut = false;
            const timer = setTimeout(() => {
                timedOut = true;
                child.kill('SIGKILL');
            }, this.#timeoutMs);
            child.stdout.on('data', (chunk) => {
                outBytes += chunk.length;
                if (outBytes <= maxOutputBytes)
                    out.push(chunk);
                else
                    child.kill('SIGKILL');
            });
            child.stderr.on('data', (chunk) => {
                errBytes += chunk.length;
                if (errBytes <= maxOutputBytes)
                    err.push(chunk);
            });
            child.on('error', (error) => {
                clearTimeout(timer);
                resolve({ code: null, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), timedOut, spawnError: error });
            });
            child.on('close', (exitCode) => {
                clearTimeout(timer);
                resolve({ code: exitCode, stdout: Buffer.concat(out), stderr: Buffer.concat(err), timedOut });
            });
            // A plugin that exits without reading stdin must not crash us with EPIPE.
            child.stdin.on('error', () => undefined);
            child.stdin.end(JSON.stringify(request));
        });
        const what = `the ${command} command of plugin ${this.name}`;
        if (spawnError)
            throw new NotationPluginError(`failed to execute ${what}: ${spawnError.message}`);
        if (timedOut)
            throw new NotationPluginError(`${what} timed out after ${this.#timeoutMs} ms`);
        if (code !== 0) {
            const text = stderr.toString('utf8').trim();
            if (!text)
                throw new NotationPluginError(`failed to execute ${what}: exit status ${code ?? 'unknown'}`);
            let error;
            try {
                error = JSON.parse(text);
            }
            catch {
                throw new NotationPluginError(`${what} failed (exit status ${code ?? 'unknown'}) with a malformed error response: ${text.slice(0, 500)}`);
            }
            const errorCode = typeof error?.errorCode === 'string' ? error.errorCode : undefined;
            const message = typeof error?.errorMessage === 'string' ? error.errorMessage : text;
            const metadata = typeof error?.errorMetadata === 'object' && error.errorMetadata !== null ? error.errorMetadata : undefined;
            throw new NotationPluginError(`${what} failed: ${errorCode ? `${errorCode}: ` : ''}${message}`, errorCode, metadata);
        }
        if (stdout.length > maxOutputBytes)
            throw new NotationPluginError(`${what} wrote more than 64 MiB`);
        try {
            return JSON.parse(stdout.toString('utf8'));
        }
        catch {
            throw new NotationPluginError(`failed to unmarshal the response of ${command} command for plugin ${this.name}`);
        }
    }
    /** `get-plugin-metadata`, checked as notation-go does (all fields set, contract 1.0 supported, name matches). */
    async metadata(pluginConfig) {
        const metadata = (await this.run('get-plugin-metadata', pluginConfig ? { pluginConfig } : {}));
        const invalid = (why) => new NotationPluginError(`metadata validation failed for plugin ${this.name}: ${why}`);
        if (!metadata?.name)
            throw invalid('empty name');
        if (!metadata.description)
            throw invalid('empty description');
        if (!metadata.version)
            throw invalid('empty version');
        if (!metadata.url)
            throw invalid('empty url');
        if (!Array.isArray(metadata.capabilities) || metadata.capabilities.length === 0)
            throw invalid('empty capabilities');
        if (!Array.isArray(metadata.supportedContractVersions) || metadata.supportedContractVersions.length === 0)
            throw invalid('supported contract versions not specified');
        if (!metadata.supportedContractVersions.includes(notationPluginContractVersion)) {
            throw invalid(`contract version "${notationPluginContractVersion}" is not in the list of the plugin supported versions [${metadata.supportedContractVersions.join(' ')}]`);
        }
        if (metadata.name !== this.name)
            throw new NotationPluginError(`plugin executable file name must be "notation-${metadata.name}" instead of "notation-${this.name}"`);
        return metadata;
    }
    async describeKey(keyId, pluginConfig) {
        const response = (await this.run('describe-key', { contractVersion: notationPluginContractVersion, keyId, ...(pluginConfig ? { pluginConfig } : {}) }));
        if (response?.keyId !== keyId)
            throw new NotationPluginError(`keyID in describeKey response ${JSON.stringify(response?.keyId ?? '')} does not match request ${JSON.stringify(keyId)}`);
        if (!(0,notation/* isNotationKeySpec */.v$)(response.keySpec))
            throw new NotationPluginError(`plugin ${this.name} described key ${keyId} with unknown key spec ${JSON.stringify(response.keySpec)}`);
        return { keyId, keySpec: response.keySpec };
    }
    /** `generate-signature`: `payload` is sent base64-encoded (for JWS that is the signing input, encoded a second time). */
    async generateSignature(request) {
        const response = (await this.run('generate-signature', {
            contractVersion: notationPluginContractVersion,
            keyId: request.keyId,
            keySpec: request.keySpec,
            hashAlgorithm: request.hashAlgorithm,
            payload: request.payload.toString('base64'),
            ...(request.pluginConfig ? { pluginConfig: request.pluginConfig } : {}),
        }));
        if (response?.keyId !== request.keyId)
            throw new NotationPluginError(`keyID in generateSignature response ${JSON.stringify(response?.keyId ?? '')} does not match request ${JSON.stringify(request.keyId)}`);
        if (typeof response.signature !== 'string' || !response.signature)
            throw new NotationPluginError(`plugin ${this.name} returned no signature`);
        if (!Array.isArray(response.certificateChain) || response.certificateChain.length === 0 || !response.certificateChain.every((c) => typeof c === 'string')) {
            throw new NotationPluginError(`plugin ${this.name} returned no certificate chain`);
        }
        return {
            keyId: request.keyId,
            signature: Buffer.from(response.signature, 'base64'),
            signingAlgorithm: response.signingAlgorithm,
            certificateChain: (response.certificateChain).map((c) => Buffer.from(c, 'base64')),
        };
    }
}
/** Reads one DER TLV at `offset` (short or one-byte long length): tag, body and where the next one starts. */
function readTlv(der, offset) {
    const tag = der[offset];
    let length = der[offset + 1];
    let start = offset + 2;
    if (tag === undefined || length === undefined)
        return undefined;
    if (length & 0x80) {
        if ((length & 0x7f) !== 1)
            return undefined;
        length = der[start] ?? 0;
        start += 1;
    }
    const body = der.subarray(start, start + length);
    return body.length === length ? { tag, body, next: start + length } : undefined;
}
/** Converts a DER ECDSA signature (SEQUENCE of two INTEGERs) to the JWS R||S form; undefined when it is not one. */
function derToRawEcdsa(signature, coordinateBytes) {
    const sequence = readTlv(signature, 0);
    if (sequence?.tag !== 0x30 || sequence.next !== signature.length)
        return undefined;
    const r = readTlv(sequence.body, 0);
    const s = r && readTlv(sequence.body, r.next);
    if (r?.tag !== 0x02 || s?.tag !== 0x02 || s.next !== sequence.body.length)
        return undefined;
    const fixed = (n) => {
        let first = 0;
        while (first < n.length && n[first] === 0)
            first++;
        const trimmed = n.subarray(first);
        return trimmed.length > coordinateBytes ? undefined : Buffer.concat([Buffer.alloc(coordinateBytes - trimmed.length), trimmed]);
    };
    const rawR = fixed(r.body);
    const rawS = fixed(s.body);
    return rawR && rawS ? Buffer.concat([rawR, rawS]) : undefined;
}
/**
 * A signer backed by a Notation plugin with the `SIGNATURE_GENERATOR.RAW` capability: `get-plugin-metadata`, then
 * `describe-key` for the key spec (so `alg` is known before signing), then `generate-signature` per signature,
 * which also returns the certificate chain. Plugins that only build whole envelopes
 * (`SIGNATURE_GENERATOR.ENVELOPE`, e.g. AWS Signer) are not supported.
 */
async function createNotationPluginSigner(options) {
    if (!options.keyId)
        throw new NotationPluginError('keyID not specified');
    const plugin = new NotationPlugin(options);
    const metadata = await plugin.metadata(options.pluginConfig);
    if (!metadata.capabilities.includes(NotationPluginCapability.signatureGenerator)) {
        const envelopeOnly = metadata.capabilities.includes(NotationPluginCapability.envelopeGenerator);
        throw new NotationPluginError(envelopeOnly
            ? `plugin ${metadata.name} only generates whole signature envelopes (${NotationPluginCapability.envelopeGenerator}); d2ci signs with plugins that have ${NotationPluginCapability.signatureGenerator}`
            : `plugin ${metadata.name} does not have signing capabilities`);
    }
    const { keySpec } = await plugin.describeKey(options.keyId, options.pluginConfig);
    const algorithm = notation/* notationAlgorithms */.pM[keySpec];
    let chain;
    return {
        keySpec,
        metadata,
        plugin,
        signingAgent: `${metadata.name}/${metadata.version}`,
        async sign(bytes) {
            const response = await plugin.generateSignature({ keyId: options.keyId, keySpec, hashAlgorithm: algorithm.hashAlgorithm, payload: bytes, ...(options.pluginConfig ? { pluginConfig: options.pluginConfig } : {}) });
            if (response.signingAlgorithm !== algorithm.signingAlgorithm) {
                throw new NotationPluginError(`plugin ${metadata.name} signed with ${String(response.signingAlgorithm)}, but key ${options.keyId} is ${keySpec}, which signs with ${algorithm.signingAlgorithm}`);
            }
            // The contract asks for the raw form, but some key services answer ECDSA in DER: accept both.
            let signature = response.signature;
            if (algorithm.coordinateBytes && signature.length !== 2 * algorithm.coordinateBytes) {
                signature = derToRawEcdsa(signature, algorithm.coordinateBytes) ?? signature;
            }
            for (const der of response.certificateChain) {
                try {
                    new external_node_crypto_.X509Certificate(der);
                }
                catch {
                    throw new NotationPluginError(`plugin ${metadata.name} returned a certificate chain that is not DER X.509`);
                }
            }
            chain = response.certificateChain;
            return signature;
        },
        async certificateChain() {
            if (!chain)
                throw new NotationPluginError('certificate chain is not set (sign first: the plugin returns it with the signature)');
            return chain;
        },
    };
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/signing.ts





/** The signing inputs where only Sigstore/cosign formats apply (release-artifact re-signs in cosign's formats). */
function cosignSigningInputs(context) {
    const signing = signingInputs(context, { notation: false });
    return signing?.kind === 'cosign' ? signing : undefined;
}
/** A PEM value, or a path (relative to the workspace) to a file holding one. */
function pemInput(name, value, context) {
    if (value.includes('-----BEGIN'))
        return value;
    const path = (0,external_node_path_.resolve)(context.workspace, value);
    if (!(0,external_node_fs_.existsSync)(path))
        throw new inputs_InputError(name, `is neither a PEM key nor a file in the workspace ("${value}"); pass the key itself, e.g. \${{ secrets.COSIGN_PRIVATE_KEY }}`);
    return (0,external_node_fs_.readFileSync)(path, 'utf8');
}
/**
 * The signing inputs push-artifact and release-artifact share: `sign`, `signature-format`, the Sigstore URLs,
 * `signing-key` and `signing-key-password`. Keyless signing needs the job's OIDC token, which is checked here,
 * before anything is pushed. Secrets are masked as they are read.
 */
function signingInputs(context, options = {}) {
    const key = inputs_stringInput('signing-key');
    const password = inputs_stringInput('signing-key-password');
    if (key)
        setSecret(key);
    if (password)
        setSecret(password);
    if (!booleanInput('sign', true))
        return undefined;
    const formatValue = inputs_stringInput('signature-format', { fallback: 'legacy' });
    const formats = [...sign/* signatureFormats */.XO, ...(options.notation === false ? [] : ['notation'])];
    if (!formats.includes(formatValue))
        throw new inputs_InputError('signature-format', `"${formatValue}" is not one of ${formats.join(', ')}`);
    if (formatValue === 'notation')
        return notationInputs(context);
    const format = formatValue;
    if (key) {
        try {
            return { kind: 'cosign', format, identity: { kind: 'key', privateKey: (0,keys.loadPrivateKey)(pemInput('signing-key', key, context), password) }, describe: 'key-based (no transparency log)' };
        }
        catch (err) {
            if (err instanceof keys.KeyError)
                throw new inputs_InputError(/password/.test(err.message) ? 'signing-key-password' : 'signing-key', err.message);
            throw err;
        }
    }
    if (!(0,identity/* hasGitHubIdToken */.Qk)()) {
        throw new inputs_InputError('sign', 'keyless signing needs the job\'s OIDC token: add `permissions: id-token: write` to the job, or set `sign: false`');
    }
    const url = (name, fallback) => {
        const value = inputs_stringInput(name) || fallback;
        if (value && !/^https?:\/\/[^\s/]+/.test(value))
            throw new inputs_InputError(name, `"${value}" is not an http(s) URL`);
        return value;
    };
    const fulcioUrl = url('fulcio-url', signer/* publicGood */.xe.fulcio);
    const rekorUrl = url('rekor-url', signer/* publicGood */.xe.rekor);
    const tsaUrl = url('timestamp-server-url');
    return {
        kind: 'cosign',
        format,
        identity: { kind: 'keyless', identity: (0,identity/* githubActionsIdentity */.Jt)('sigstore', { onToken: (token) => setSecret(token) }), fulcioUrl, rekorUrl, tsaUrl },
        describe: `keyless (Fulcio ${fulcioUrl}, Rekor ${rekorUrl}${tsaUrl ? `, TSA ${tsaUrl}` : ''})`,
    };
}
/**
 * `signature-format: notation`: an X.509 key and certificate chain (`notation-key`, `notation-certificate-chain`),
 * or a Notation plugin holding the key (`notation-plugin`, `notation-key-id`, `notation-plugin-config`), e.g. a
 * cloud key vault's. The key and its password are masked as they are read.
 */
function notationInputs(context) {
    const key = inputs_stringInput('notation-key');
    const password = inputs_stringInput('notation-key-password');
    const chain = inputs_stringInput('notation-certificate-chain');
    const plugin = inputs_stringInput('notation-plugin');
    if (key)
        setSecret(key);
    if (password)
        setSecret(password);
    if (plugin) {
        if (key)
            throw new inputs_InputError('notation-plugin', 'give `notation-plugin` (with `notation-key-id`) or `notation-key`, not both');
        const keyId = inputs_stringInput('notation-key-id');
        if (!keyId)
            throw new inputs_InputError('notation-key-id', `is required with \`notation-plugin\`: the key's id in ${plugin}'s terms`);
        const pluginConfig = {};
        for (const line of inputs_stringInput('notation-plugin-config').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
            const cut = line.indexOf('=');
            if (cut <= 0)
                throw new inputs_InputError('notation-plugin-config', `"${line}" is not key=value`);
            pluginConfig[line.slice(0, cut)] = line.slice(cut + 1);
        }
        const signer = createNotationPluginSigner({ name: plugin, keyId, pluginConfig }).catch((err) => {
            throw new inputs_InputError('notation-plugin', err.message);
        });
        signer.catch(() => undefined);
        return { kind: 'notation', format: 'notation', signer, describe: `Notary Project, plugin ${plugin}` };
    }
    if (!key)
        throw new inputs_InputError('notation-key', 'is required with `signature-format: notation` (or `notation-plugin`): the signing key (PEM), e.g. ${{ secrets.NOTATION_KEY }}');
    if (!chain)
        throw new inputs_InputError('notation-certificate-chain', 'is required with `notation-key`: the certificate chain (PEM, leaf first), or its path');
    const signer = (0,notation/* createNotationKeySigner */.YR)({ privateKey: pemInput('notation-key', key, context), password, certificateChain: pemInput('notation-certificate-chain', chain, context) }).catch((err) => {
        if (err instanceof notation/* NotationError */.B1 || err instanceof keys.KeyError)
            throw new inputs_InputError(/password|decrypt/i.test(err.message) ? 'notation-key-password' : /certificate/i.test(err.message) ? 'notation-certificate-chain' : 'notation-key', err.message);
        throw err;
    });
    signer.catch(() => undefined);
    return { kind: 'notation', format: 'notation', signer, describe: 'Notary Project (X.509 key and chain)' };
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/verification.ts




const verification_verifyInputNames = {
    identity: 'certificate-identity',
    identityRegexp: 'certificate-identity-regexp',
    issuer: 'certificate-oidc-issuer',
    issuerRegexp: 'certificate-oidc-issuer-regexp',
    key: 'key',
    trustedRoot: 'trusted-root',
    sourceRepository: 'certificate-github-workflow-repository',
};
function publicKeys(input, value, context) {
    let pem = value;
    if (!value.includes('-----BEGIN')) {
        const path = resolve(context.workspace, value);
        if (!existsSync(path))
            throw new InputError(input, `is neither a PEM public key nor a file in the workspace ("${value}")`);
        pem = readFileSync(path, 'utf8');
    }
    const blocks = pem.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [pem];
    try {
        return blocks.map((block) => loadPublicKey(block));
    }
    catch (err) {
        if (err instanceof KeyError)
            throw new InputError(input, err.message);
        throw err;
    }
}
/** Trusted roots are loaded once per run, whichever policy asks. */
const roots = new Map();
/**
 * A verification policy from inputs: public key(s), or a keyless identity and issuer (exact or regexp; the
 * issuer defaults to GitHub's) checked against a trusted root (a file, else the public-good root via TUF).
 * `defaults` apply to empty inputs.
 */
async function verificationInputs(names, context, defaults = {}) {
    const key = stringInput(names.key);
    const identity = stringInput(names.identity);
    let identityRegexp = stringInput(names.identityRegexp);
    if (key) {
        if (identity || identityRegexp)
            throw new InputError(names.key, `give \`${names.key}\` or \`${names.identity}(-regexp)\`, not both`);
        return { kind: 'key', keys: publicKeys(names.key, key, context) };
    }
    if (!identity && !identityRegexp && defaults.identityRegexp)
        identityRegexp = defaults.identityRegexp;
    const issuer = stringInput(names.issuer);
    const issuerRegexp = stringInput(names.issuerRegexp);
    // The default repository is a GitHub one: it applies to GitHub-issued certificates only.
    const githubIssued = !issuerRegexp && (!issuer || issuer === githubIssuer);
    let policy = defaults.policy;
    try {
        policy ??= compilePolicy({ identity, identityRegexp, issuer, issuerRegexp, sourceRepository: stringInput(names.sourceRepository) || (githubIssued ? defaults.sourceRepository : undefined) });
    }
    catch (err) {
        if (err instanceof PolicyInputError) {
            if (err.input === 'sourceRepository')
                throw new InputError(names.sourceRepository, `${err.message.replace(/^certificate-github-workflow-repository /, '')}, e.g. acme/apps`);
            // The error says which input it is about: a pattern may itself contain "issuer" or "regular expression".
            const name = names[err.input];
            throw new InputError(name, err.message.replace(/^certificate-[a-z-]+ /, '').replace(/certificate-identity or certificate-identity-regexp/, `\`${names.identity}\` or \`${names.identityRegexp}\``));
        }
        throw err;
    }
    const file = stringInput(names.trustedRoot);
    const path = file ? resolve(context.workspace, file) : '';
    let root = roots.get(path);
    if (!root) {
        root = loadTrustedRoot({ trustedRootFile: path || undefined });
        roots.set(path, root);
    }
    try {
        return { kind: 'keyless', policy, trustedRoot: await root };
    }
    catch (err) {
        if (err instanceof TrustError)
            throw new InputError(names.trustedRoot, err.message);
        throw err;
    }
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/flux-manifest.ts




/** The input each flux-manifest problem is about (one table; messages are never read). */
const inputs = {
    manifest: 'flux-manifest',
    name: 'flux-manifest-name',
    key: verification_verifyInputNames.key,
    identity: verification_verifyInputNames.identityRegexp,
    trustedRoot: verification_verifyInputNames.trustedRoot,
    notation: 'notation-trust-policy',
};
/**
 * `flux-manifest` (a file in the workspace) and `flux-manifest-name`: the verify block of the cluster's
 * OCIRepository, and how d2ci checks it with the material the other inputs give. Undefined without a manifest.
 */
async function fluxManifestInputs(context) {
    const file = stringInput(inputs.manifest);
    const name = stringInput(inputs.name);
    if (!file) {
        if (name)
            throw new InputError(inputs.name, 'needs `flux-manifest`: it picks one OCIRepository of that file');
        return undefined;
    }
    const identity = [verifyInputNames.identity, verifyInputNames.identityRegexp, verifyInputNames.issuer, verifyInputNames.issuerRegexp, verifyInputNames.sourceRepository].filter((input) => stringInput(input));
    try {
        const manifest = await readFluxManifest(resolve(context.workspace, file), { name, shownAs: file });
        const plan = planFluxVerification(manifest, {
            key: Boolean(stringInput(verifyInputNames.key)),
            identity: identity.length > 0,
            trustedRoot: Boolean(stringInput(verifyInputNames.trustedRoot)),
            notation: Boolean(stringInput('notation-trust-policy') || stringInput('notation-trust-store')),
        });
        return { manifest, plan };
    }
    catch (err) {
        if (err instanceof FluxManifestError)
            throw new InputError(err.field === 'identity' && identity[0] ? identity[0] : inputs[err.field], err.message);
        throw err;
    }
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/index.ts











/***/ }),

/***/ 8359:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jl: () => (/* binding */ reproducibleCreated),
/* harmony export */   YH: () => (/* binding */ Annotation),
/* harmony export */   ag: () => (/* binding */ rfc3339),
/* harmony export */   u7: () => (/* binding */ FluxMediaType)
/* harmony export */ });
/* unused harmony export cosignTagSuffixes */
/** Media types and annotations of Flux OCI artifacts (fluxcd/pkg oci/constants.go, meta.go). */
const FluxMediaType = {
    config: 'application/vnd.cncf.flux.config.v1+json',
    content: 'application/vnd.cncf.flux.content.v1.tar+gzip',
};
const Annotation = {
    created: 'org.opencontainers.image.created',
    source: 'org.opencontainers.image.source',
    revision: 'org.opencontainers.image.revision',
};
/** `--reproducible` fixes the creation time to the Unix epoch, as `flux push artifact --reproducible` does. */
const reproducibleCreated = '1970-01-01T00:00:00Z';
/** Tag suffixes of cosign signatures, attestations and SBOMs, hidden from artifact listings (flux `IsCosignArtifact`). */
const cosignTagSuffixes = (/* unused pure expression or super */ null && (['.sig', '.att', '.sbom']));
/** RFC 3339 UTC with whole seconds, the format Go's time.RFC3339 gives Flux's `created`. */
function rfc3339(date) {
    return date.toISOString().replace(/\.[0-9]{3}Z$/, 'Z');
}


/***/ }),

/***/ 9999:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ githubTokenCredentials),
/* harmony export */   v: () => (/* binding */ isGitHubRegistry)
/* harmony export */ });
/** GitHub's container registry hosts: ghcr.io, and `containers.<host>` on GitHub Enterprise Server. */
function isGitHubRegistry(registry, serverUrl = 'https://github.com') {
    if (registry === 'ghcr.io')
        return true;
    const host = new URL(serverUrl).host;
    return host !== 'github.com' && registry === `containers.${host}`;
}
/**
 * The job's `GITHUB_TOKEN` for GHCR. Any username works with a token; we send the actor's, as docker/login-action
 * does. Pushing needs `permissions: packages: write`.
 */
function githubTokenCredentials(options) {
    return {
        name: 'GITHUB_TOKEN',
        credentialFor: async (registry) => options.token && isGitHubRegistry(registry, options.serverUrl) ? { username: options.actor || 'x-access-token', password: options.token } : undefined,
    };
}


/***/ }),

/***/ 9400:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ pushIfMissing),
/* harmony export */   v: () => (/* binding */ attachReferrer)
/* harmony export */ });
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8613);
/* harmony import */ var _descriptor_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7796);
/* harmony import */ var _content_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3632);



/** Stores small content unless the target already has it (one HEAD instead of an upload). */
async function pushIfMissing(target, descriptor, content) {
    if (!(await target.exists(descriptor)))
        await target.push(descriptor, (0,_content_js__WEBPACK_IMPORTED_MODULE_0__/* .bytesSource */ .Xl)(content));
}
/**
 * Attaches content to a manifest as an OCI 1.1 referrer (image-spec "artifact" guidance): an image manifest with
 * `artifactType`, the empty config, one layer and `subject`. Pushed by digest; a registry without the
 * referrers API gets the `sha256-<hex>` tag-schema index instead (RemoteRepository does that on push).
 */
async function attachReferrer(target, subject, options) {
    const layer = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .descriptorFor */ .RZ)(options.layerMediaType ?? options.artifactType, options.content);
    const config = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .descriptorFor */ .RZ)(_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociEmpty, _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyJson */ .Gu);
    const manifest = {
        schemaVersion: 2,
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociManifest,
        artifactType: options.artifactType,
        config: (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .plainDescriptor */ .UM)(config),
        layers: [(0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .plainDescriptor */ .UM)(layer)],
        subject: (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .plainDescriptor */ .UM)({ mediaType: subject.mediaType, digest: subject.digest, size: subject.size }),
    };
    if (options.annotations && Object.keys(options.annotations).length)
        manifest.annotations = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .sortedAnnotations */ .sk)(options.annotations);
    const bytes = Buffer.from(JSON.stringify(manifest));
    const descriptor = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .descriptorFor */ .RZ)(_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociManifest, bytes, { artifactType: options.artifactType });
    await Promise.all([pushIfMissing(target, config, _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyJson */ .Gu), pushIfMissing(target, layer, options.content)]);
    await target.push(descriptor, (0,_content_js__WEBPACK_IMPORTED_MODULE_0__/* .bytesSource */ .Xl)(bytes));
    return descriptor;
}


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ fileSource),
/* harmony export */   Xl: () => (/* binding */ bytesSource),
/* harmony export */   yw: () => (/* binding */ readAll)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8706);



const fileReadChunk = 1 << 20;
function bytesSource(data) {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return {
        size: buffer.length,
        open: (start = 0, end = buffer.length) => node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.from([buffer.subarray(start, end)], { objectMode: false }),
    };
}
function fileSource(path, size) {
    return {
        size,
        path,
        open: (start = 0, end = size) => end <= start ? node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.from([], { objectMode: false }) : (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path, { start, end: end - 1, highWaterMark: fileReadChunk }),
    };
}
/** Reads a stream to the end; with `limit`, fails instead of buffering more than that many bytes. */
async function readAll(stream, limit = Number.POSITIVE_INFINITY) {
    const chunks = [];
    let total = 0;
    for await (const chunk of stream) {
        total += chunk.length;
        if (total > limit)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OciError */ .Mf('SIZE_INVALID', `content is larger than the ${limit}-byte limit`);
        chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks, total);
}


/***/ }),

/***/ 7796:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gh: () => (/* binding */ artifactTypeOf),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   RZ: () => (/* binding */ descriptorFor),
/* harmony export */   UM: () => (/* binding */ plainDescriptor),
/* harmony export */   ir: () => (/* binding */ successors),
/* harmony export */   nw: () => (/* binding */ isIndex),
/* harmony export */   sk: () => (/* binding */ sortedAnnotations)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8706);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8613);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8341);



function isIndex(manifest) {
    return Array.isArray(manifest.manifests);
}
/** A descriptor for some bytes, with the sha256 digest computed. */
function descriptorFor(mediaType, data, extra = {}) {
    return { mediaType, digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .sc)(data), size: data.length, ...extra };
}
function assertDescriptor(value, where) {
    const d = value;
    if (typeof d !== 'object' || d === null || typeof d.mediaType !== 'string' || typeof d.digest !== 'string' || !Number.isSafeInteger(d.size) || d.size < 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', `${where} is not a valid descriptor (needs mediaType, digest and size)`);
    }
    (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(d.digest);
}
/**
 * Parses manifest bytes and checks the parts we rely on. The media type comes from the body when present,
 * else from the transport (Content-Type); a mismatch between the two is rejected, as the distribution spec asks.
 */
function parseManifest(data, contentType) {
    let manifest;
    try {
        manifest = JSON.parse(Buffer.from(data).toString('utf8'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', 'manifest is not valid JSON');
    }
    if (typeof manifest !== 'object' || manifest === null || manifest.schemaVersion !== 2) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', 'manifest schemaVersion is not 2');
    }
    const declared = manifest.mediaType;
    const transported = contentType?.split(';')[0]?.trim();
    if (declared && transported && (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isManifestMediaType */ .CM)(transported) && declared !== transported) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', `manifest mediaType ${declared} does not match Content-Type ${transported}`);
    }
    const mediaType = declared ?? (transported && (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isManifestMediaType */ .CM)(transported) ? transported : undefined);
    if (!mediaType || !(0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isManifestMediaType */ .CM)(mediaType)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', `unsupported manifest media type ${mediaType ?? '(none)'}`);
    }
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(mediaType)) {
        const index = manifest;
        if (!Array.isArray(index.manifests))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', 'index has no manifests array');
        index.manifests.forEach((d, i) => assertDescriptor(d, `manifests[${i}]`));
    }
    else {
        const image = manifest;
        assertDescriptor(image.config, 'config');
        if (!Array.isArray(image.layers))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', 'manifest has no layers array');
        image.layers.forEach((d, i) => assertDescriptor(d, `layers[${i}]`));
    }
    if (manifest.subject !== undefined)
        assertDescriptor(manifest.subject, 'subject');
    return { manifest, mediaType };
}
/** The nodes a manifest points down to: an index's manifests, an image's config and layers (not its subject). */
function successors(manifest) {
    return isIndex(manifest) ? [...manifest.manifests] : [manifest.config, ...manifest.layers];
}
/** The artifact type shown for a manifest in referrers listings (image-spec: artifactType, else config media type). */
function artifactTypeOf(manifest) {
    if (manifest.artifactType)
        return manifest.artifactType;
    return isIndex(manifest) ? undefined : manifest.config.mediaType;
}
/**
 * A copy of a descriptor with only the standard fields, in go-containerregistry's field order (what Flux and
 * cosign write), so manifests we build serialise to the same bytes as theirs.
 */
function plainDescriptor(d) {
    const out = { mediaType: d.mediaType, size: d.size, digest: d.digest };
    if (d.data !== undefined)
        out.data = d.data;
    if (d.urls !== undefined)
        out.urls = d.urls;
    if (d.annotations !== undefined)
        out.annotations = d.annotations;
    if (d.platform !== undefined)
        out.platform = d.platform;
    if (d.artifactType !== undefined)
        out.artifactType = d.artifactType;
    return out;
}
/** Sorts annotation keys, as Go's json.Marshal does for maps, so manifests are byte-stable. */
function sortedAnnotations(annotations) {
    const out = {};
    for (const key of Object.keys(annotations).sort())
        out[key] = annotations[key];
    return out;
}


/***/ }),

/***/ 8341:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   RV: () => (/* binding */ verifyBytes),
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   sc: () => (/* binding */ sha256),
/* harmony export */   vl: () => (/* binding */ DigestStream)
/* harmony export */ });
/* unused harmony exports isDigest, createDigester */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8706);



const algorithms = { sha256: 64, sha512: 128 };
/** OCI digest grammar (image-spec descriptor.md), restricted to the algorithms registries accept. */
const digestPattern = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
function parseDigest(value) {
    const match = digestPattern.exec(value);
    if (!match) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidReferenceError */ .x_(`invalid digest "${value}": expected <algorithm>:<hex>, e.g. sha256:<64 hex characters>`);
    }
    const [, algorithm = '', hex = ''] = match;
    if (!(algorithm in algorithms)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidReferenceError */ .x_(`invalid digest "${value}": unsupported algorithm "${algorithm}" (use sha256 or sha512)`);
    }
    const length = algorithms[algorithm];
    if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidReferenceError */ .x_(`invalid digest "${value}": ${algorithm} needs ${length} lowercase hex characters`);
    }
    return { algorithm: algorithm, hex };
}
function isDigest(value) {
    try {
        parseDigest(value);
        return true;
    }
    catch {
        return false;
    }
}
function sha256(data) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex')}`;
}
function createDigester(digest) {
    return createHash(parseDigest(digest).algorithm);
}
/**
 * A pass-through stream that hashes and counts what flows through it. With `expect`, it fails the stream
 * when the content does not match the expected digest and size, so nothing reads unverified bytes as good.
 */
class DigestStream extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    #hash;
    #expect;
    #size = 0;
    #digest;
    constructor(expect, algorithm = 'sha256') {
        super();
        this.#expect = expect;
        this.#hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(expect ? parseDigest(expect.digest).algorithm : algorithm);
    }
    _transform(chunk, _encoding, callback) {
        this.#size += chunk.length;
        if (this.#expect && this.#size > this.#expect.size) {
            callback(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OciError */ .Mf('SIZE_INVALID', `content of ${this.#expect.digest} is larger than its descriptor size ${this.#expect.size}`));
            return;
        }
        this.#hash.update(chunk);
        callback(null, chunk);
    }
    _flush(callback) {
        const algorithm = this.#expect ? parseDigest(this.#expect.digest).algorithm : 'sha256';
        this.#digest = `${algorithm}:${this.#hash.digest('hex')}`;
        if (this.#expect && (this.#digest !== this.#expect.digest || this.#size !== this.#expect.size)) {
            callback(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OciError */ .Mf('DIGEST_MISMATCH', `downloaded content does not match ${this.#expect.digest} (got ${this.#digest}, ${this.#size} bytes)`));
            return;
        }
        callback();
    }
    get size() {
        return this.#size;
    }
    /** The digest of everything that passed; available once the stream has finished. */
    get digest() {
        if (!this.#digest)
            throw new Error('DigestStream: digest read before the stream finished');
        return this.#digest;
    }
}
/** Verifies a buffer against a descriptor's digest and size. */
function verifyBytes(data, expect) {
    const { algorithm } = parseDigest(expect.digest);
    const actual = `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(data).digest('hex')}`;
    if (actual !== expect.digest || (expect.size !== undefined && expect.size !== data.length)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OciError */ .Mf('DIGEST_MISMATCH', `content does not match ${expect.digest} (got ${actual}, ${data.length} bytes)`);
    }
}


/***/ }),

/***/ 8706:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Mf: () => (/* binding */ OciError),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   x_: () => (/* binding */ InvalidReferenceError)
/* harmony export */ });
/**
 * Errors raised by the OCI client. `code` is the registry's error code (e.g. `MANIFEST_UNKNOWN`) or one of
 * ours (`NETWORK`, `INVALID_REFERENCE`, `DIGEST_MISMATCH`, …); `hint` is the fix a user should try.
 * The message is always a single line so actions can print it with `core.setFailed` as is.
 */
class OciError extends Error {
    code;
    status;
    hint;
    constructor(code, message, options = {}) {
        const oneLine = message.replace(/\s*\n\s*/g, ' ').trim();
        super(options.hint ? `${oneLine}; ${options.hint}` : oneLine, { cause: options.cause });
        this.name = 'OciError';
        this.code = code;
        this.status = options.status;
        this.hint = options.hint;
    }
}
/** A reference, digest or other value given by the user does not parse. */
class InvalidReferenceError extends OciError {
    constructor(message) {
        super('INVALID_REFERENCE', message);
        this.name = 'InvalidReferenceError';
    }
}
function isNotFound(err) {
    return err instanceof OciError && (err.status === 404 || /_UNKNOWN$/.test(err.code));
}


/***/ }),

/***/ 1737:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  oK: () => (/* binding */ Transport),
  Or: () => (/* binding */ attemptsOf),
  a0: () => (/* binding */ networkErrorCode)
});

// UNUSED EXPORTS: defaultRetryPolicy, parseRetryAfter

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __nccwpck_require__(8500);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(8706);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __nccwpck_require__(4708);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __nccwpck_require__(6466);
;// CONCATENATED MODULE: ../../packages/core/src/oci/upload-body.ts





const bufferSize = 256 << 10;
const buffersInFlight = 4;
/**
 * Sends a request whose body is blob content, over node:http(s) rather than fetch. fetch copies every chunk of a
 * streamed body (and holds on to more), which let a 256 MiB upload peak at ~365 MiB RSS; here a file is read
 * into four reused 256 KiB buffers, each refilled only once the socket has taken it, so memory stays flat.
 * The answer comes back as a fetch Response, so callers handle both paths alike.
 */
class UploadSender {
    #http = new external_node_http_.Agent({ keepAlive: true });
    #https = new external_node_https_.Agent({ keepAlive: true });
    send(method, url, headers, body, signal) {
        const secure = url.protocol === 'https:';
        const send = secure ? external_node_https_.request : external_node_http_.request;
        return new Promise((resolve, reject) => {
            const req = send(url, { method, headers: { ...headers, 'content-length': String(body.end - body.start) }, agent: secure ? this.#https : this.#http, signal }, (res) => {
                resolve(toResponse(method, res));
            });
            req.on('error', reject);
            writeBody(req, body).catch((err) => req.destroy(err));
        });
    }
    close() {
        this.#http.destroy();
        this.#https.destroy();
    }
}
function toResponse(method, res) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, item);
    }
    const status = res.statusCode ?? 502;
    const empty = method === 'HEAD' || status === 204 || status === 304;
    if (empty)
        res.resume();
    return new Response(empty ? null : external_node_stream_.Readable.toWeb(res), { status, headers });
}
async function writeBody(req, body) {
    const closed = new Promise((_, reject) => req.once('close', () => reject(new Error('the connection closed during the upload'))));
    closed.catch(() => undefined);
    if (!body.source.path) {
        await (0,external_node_stream_promises_.pipeline)(body.source.open(body.start, body.end), req);
        return;
    }
    const file = await (0,external_node_fs_promises_.open)(body.source.path, 'r');
    try {
        const buffers = Array.from({ length: buffersInFlight }, () => Buffer.allocUnsafe(bufferSize));
        const written = [];
        for (let position = body.start, n = 0; position < body.end; n++) {
            const slot = n % buffersInFlight;
            // Reuse a buffer only after the socket has taken what it held.
            if (written[slot])
                await Promise.race([written[slot], closed]);
            const buffer = buffers[slot];
            const { bytesRead } = await file.read(buffer, 0, Math.min(bufferSize, body.end - position), position);
            if (bytesRead === 0)
                throw new Error(`${body.source.path} is shorter than the ${body.end - body.start} bytes being uploaded`);
            position += bytesRead;
            written[slot] = new Promise((resolve, reject) => req.write(buffer.subarray(0, bytesRead), (err) => (err ? reject(err) : resolve())));
            written[slot].catch(() => undefined);
        }
        await Promise.race([Promise.all(written), closed]);
    }
    finally {
        await file.close();
    }
    req.end();
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/http.ts



const defaultRetryPolicy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };
const retryableStatus = new Set([408, 429, 500, 502, 503, 504]);
const retryableErrorCodes = new Set([
    'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH',
    'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED',
]);
const redirectStatus = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 10;
const attemptsTaken = new WeakMap();
/** How many attempts the transport made before settling on this response (1 when it was not retried). */
function attemptsOf(response) {
    return attemptsTaken.get(response) ?? 1;
}
/** The innermost error code of a fetch failure (undici wraps socket errors in `TypeError: fetch failed`). */
function networkErrorCode(err) {
    let current = err;
    for (let depth = 0; current && depth < 5; depth++) {
        const code = current.code;
        if (typeof code === 'string')
            return code;
        current = current.cause;
    }
    return undefined;
}
function describeNetworkError(err, url) {
    const code = networkErrorCode(err);
    if (code === 'ENOTFOUND')
        return `cannot resolve registry host ${url.host}: check the registry name`;
    if (code === 'ECONNREFUSED')
        return `connection to ${url.host} refused: is the registry running and the port right?`;
    const cause = err.cause?.message ?? err.message;
    return `request to ${url.host} failed: ${code ? `${code} ` : ''}${cause}`;
}
/** `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\s*[0-9]+\s*$/.test(value))
        return Number(value) * 1000;
    // Only an IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`) is a date; `1.5` is neither form.
    if (!/[a-z]/i.test(value))
        return undefined;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * HTTP over Node's fetch with what registries need and fetch does not do: bounded retries with exponential
 * backoff and jitter on 429/5xx and dropped connections (honouring `Retry-After`), and redirects followed by hand
 * so `Authorization` never leaves the host it was meant for.
 */
class Transport {
    policy;
    #options;
    #uploads = new UploadSender();
    constructor(options = {}) {
        this.#options = options;
        this.policy = { ...defaultRetryPolicy, ...options.retry };
    }
    async send(request) {
        let url = new URL(request.url);
        let method = request.method.toUpperCase();
        let headers = { ...request.headers };
        if (this.#options.userAgent && !headers['user-agent'])
            headers['user-agent'] = this.#options.userAgent;
        let body = request.body;
        let upload = request.upload;
        for (let hop = 0;; hop++) {
            const response = await this.#sendWithRetry(method, url, headers, body, upload, request.retry !== false);
            if (!redirectStatus.has(response.status))
                return response;
            const location = response.headers.get('location');
            if (!location)
                return response;
            await response.body?.cancel();
            if (hop >= maxRedirects)
                throw new errors/* OciError */.Mf('TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects from ${String(request.url)}`);
            const next = new URL(location, url);
            if (next.protocol === 'http:' && url.protocol === 'https:' && !this.#options.allowHttp) {
                throw new errors/* OciError */.Mf('INSECURE_REDIRECT', `registry redirected ${url.host} to plain-HTTP ${next.host}; refusing (set insecure to allow)`);
            }
            if (next.host !== url.host || next.protocol !== url.protocol) {
                // Never forward credentials to another host (distribution-spec: MUST NOT forward Authorization).
                const { authorization: _dropped, ...rest } = headers;
                headers = rest;
            }
            if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
                method = 'GET';
                body = undefined;
                upload = undefined;
                const { 'content-length': _l, 'content-type': _t, ...rest } = headers;
                headers = rest;
            }
            url = next;
        }
    }
    async #sendWithRetry(method, url, headers, body, upload, retry) {
        const attempts = retry ? this.policy.attempts : 1;
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                if (upload) {
                    response = await this.#uploads.send(method, url, headers, upload, this.#options.signal);
                }
                else {
                    const init = { method, headers, redirect: 'manual', signal: this.#options.signal };
                    if (body) {
                        init.body = body();
                        init.duplex = 'half';
                    }
                    response = await fetch(url, init);
                }
            }
            catch (err) {
                const code = networkErrorCode(err);
                this.#options.onRequest?.({ method, url: url.href, attempt, error: code ?? String(err) });
                if (this.#options.signal?.aborted)
                    throw err;
                const message = describeNetworkError(err, url);
                if (attempt >= attempts || !code || !retryableErrorCodes.has(code)) {
                    throw new errors/* OciError */.Mf('NETWORK', attempt > 1 ? `${message} (after ${attempt} attempts)` : message, { cause: err });
                }
                await this.#backoff(attempt, undefined);
                continue;
            }
            this.#options.onRequest?.({ method, url: url.href, attempt, status: response.status });
            attemptsTaken.set(response, attempt);
            if (!retryableStatus.has(response.status) || attempt >= attempts)
                return response;
            const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
            if (retryAfter !== undefined && retryAfter > this.policy.maxRetryAfterMs)
                return response;
            await response.body?.cancel();
            await this.#backoff(attempt, retryAfter);
        }
    }
    async #backoff(attempt, retryAfter) {
        const exponential = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
        const jittered = exponential * (0.5 + Math.random() * 0.5);
        await (0,promises_.setTimeout)(retryAfter ?? jittered, undefined, { signal: this.#options.signal });
    }
}


/***/ }),

/***/ 8613:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   $P: () => (/* binding */ manifestMediaTypes),
/* harmony export */   CM: () => (/* binding */ isManifestMediaType),
/* harmony export */   Gu: () => (/* binding */ emptyJson),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
const MediaType = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    ociEmpty: 'application/vnd.oci.empty.v1+json',
    ociLayerTarGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
};
/** Manifest media types we can read, sent as the `Accept` list on every manifest GET/HEAD. */
const manifestMediaTypes = [
    MediaType.ociManifest,
    MediaType.ociIndex,
    MediaType.dockerManifest,
    MediaType.dockerManifestList,
];
function isManifestMediaType(mediaType) {
    return manifestMediaTypes.includes(mediaType);
}
function isIndexMediaType(mediaType) {
    return mediaType === MediaType.ociIndex || mediaType === MediaType.dockerManifestList;
}
/** The OCI empty descriptor's content, `{}`. */
const emptyJson = Buffer.from('{}');


/***/ }),

/***/ 6198:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ targetSource),
/* harmony export */   n: () => (/* binding */ MemoryStore)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8706);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8341);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8613);
/* harmony import */ var _descriptor_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(7796);
/* harmony import */ var _content_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3632);
/* harmony import */ var _order_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(8085);
/* harmony import */ var _referrers_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(6869);








/**
 * A target in memory. `stage()` adds trusted local content without reading it (a layer file we just built and
 * hashed), which is how an artifact is assembled before it is copied to its destination.
 */
class MemoryStore {
    name;
    #content = new Map();
    #tags = new Map();
    constructor(name = 'memory') {
        this.name = name;
    }
    /** Adds content whose digest the caller computed itself; it is not re-read or re-verified here. */
    stage(descriptor, source) {
        this.#content.set(descriptor.digest, { descriptor, source });
    }
    source(descriptor) {
        const entry = this.#content.get(descriptor.digest);
        if (!entry)
            throw missing(this.name, descriptor.digest);
        return entry.source;
    }
    async resolve(reference) {
        const tagged = this.#tags.get(reference);
        if (tagged)
            return tagged;
        const entry = this.#content.get(reference);
        if (entry && (0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isManifestMediaType */ .CM)(entry.descriptor.mediaType))
            return entry.descriptor;
        throw missing(this.name, reference);
    }
    async fetchManifest(reference) {
        const descriptor = await this.resolve(reference);
        return { descriptor, bytes: await (0,_content_js__WEBPACK_IMPORTED_MODULE_2__/* .readAll */ .yw)(await this.fetch(descriptor)) };
    }
    async fetch(descriptor) {
        const verifier = new _digest_js__WEBPACK_IMPORTED_MODULE_3__/* .DigestStream */ .vl({ digest: descriptor.digest, size: descriptor.size });
        const stream = this.source(descriptor).open();
        stream.on('error', (err) => verifier.destroy(err));
        return stream.pipe(verifier);
    }
    async exists(descriptor) {
        return this.#content.has(descriptor.digest);
    }
    async push(descriptor, content) {
        const verifier = new _digest_js__WEBPACK_IMPORTED_MODULE_3__/* .DigestStream */ .vl({ digest: descriptor.digest, size: descriptor.size });
        const stream = content.open();
        stream.on('error', (err) => verifier.destroy(err));
        const bytes = await (0,_content_js__WEBPACK_IMPORTED_MODULE_2__/* .readAll */ .yw)(stream.pipe(verifier));
        if (bytes.length !== descriptor.size)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .OciError */ .Mf('SIZE_INVALID', `content for ${descriptor.digest} is ${bytes.length} bytes, expected ${descriptor.size}`);
        this.#content.set(descriptor.digest, { descriptor: { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size }, source: (0,_content_js__WEBPACK_IMPORTED_MODULE_2__/* .bytesSource */ .Xl)(bytes) });
    }
    async pushReference(descriptor, bytes, reference) {
        await this.push(descriptor, (0,_content_js__WEBPACK_IMPORTED_MODULE_2__/* .bytesSource */ .Xl)(bytes));
        await this.tag(descriptor, reference);
    }
    async tag(descriptor, tag) {
        const entry = this.#content.get(descriptor.digest);
        if (!entry)
            throw missing(this.name, descriptor.digest);
        this.#tags.set(tag, entry.descriptor);
    }
    async tags() {
        return [...this.#tags.keys()].sort(_order_js__WEBPACK_IMPORTED_MODULE_5__/* .compareBytes */ .X);
    }
    async referrers(descriptor, options = {}) {
        const found = [];
        for (const { descriptor: candidate } of this.#content.values()) {
            if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isManifestMediaType */ .CM)(candidate.mediaType))
                continue;
            const { manifest } = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_6__/* .parseManifest */ .Ng)(await (0,_content_js__WEBPACK_IMPORTED_MODULE_2__/* .readAll */ .yw)(this.source(candidate).open()), candidate.mediaType);
            if (manifest.subject?.digest === descriptor.digest)
                found.push((0,_referrers_js__WEBPACK_IMPORTED_MODULE_7__/* .referrerDescriptor */ .xh)(candidate, manifest));
        }
        return (0,_referrers_js__WEBPACK_IMPORTED_MODULE_7__/* .filterByArtifactType */ .Ul)(found, options.artifactType);
    }
    async delete(descriptor) {
        if (!this.#content.delete(descriptor.digest))
            throw missing(this.name, descriptor.digest);
        for (const [tag, target] of this.#tags)
            if (target.digest === descriptor.digest)
                this.#tags.delete(tag);
    }
}
function missing(name, reference) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .OciError */ .Mf('NOT_FOUND', `${reference} not found in ${name}`, { status: 404 });
}
/** A BlobSource reading from a target's verified fetch; reopening re-fetches and skips to the offset. */
function targetSource(target, descriptor) {
    return {
        size: descriptor.size,
        open(start = 0, end = descriptor.size) {
            const out = new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
            void (async () => {
                let position = 0;
                for await (const chunk of await target.fetch(descriptor)) {
                    const buffer = chunk;
                    const from = Math.max(0, start - position);
                    const to = Math.min(buffer.length, end - position);
                    position += buffer.length;
                    if (to > from && !out.write(buffer.subarray(from, to)))
                        await new Promise((resolve) => out.once('drain', resolve));
                    if (position >= end && end < descriptor.size)
                        break;
                }
                out.end();
            })().catch((err) => out.destroy(err));
            return out;
        },
    };
}


/***/ }),

/***/ 2328:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ME: () => (/* binding */ childLocation),
  zb: () => (/* binding */ locationName),
  Ap: () => (/* binding */ openTarget),
  zS: () => (/* binding */ parseLocation)
});

// UNUSED EXPORTS: formatLocation, layoutScheme, locationReference

// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(8706);
// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __nccwpck_require__(8341);
// EXTERNAL MODULE: ../../packages/core/src/oci/reference.ts
var reference = __nccwpck_require__(8936);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __nccwpck_require__(6466);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __nccwpck_require__(8613);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var oci_descriptor = __nccwpck_require__(7796);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var content = __nccwpck_require__(3632);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __nccwpck_require__(8085);
// EXTERNAL MODULE: ../../packages/core/src/oci/referrers.ts
var referrers = __nccwpck_require__(6869);
;// CONCATENATED MODULE: ../../packages/core/src/oci/layout.ts












const refNameAnnotation = 'org.opencontainers.image.ref.name';
const layoutFile = JSON.stringify({ imageLayoutVersion: '1.0.0' });
/** Serialises index.json updates per directory within this process; each write is an atomic rename. */
const indexLocks = new Map();
/**
 * An OCI image layout directory (image-spec image-layout.md): `oci-layout`, `index.json`, `blobs/<alg>/<hex>`.
 * Tags are `org.opencontainers.image.ref.name` annotations in index.json; untagged manifests stay listed there
 * too, so referrers can be found and nothing pushed becomes invisible. Readable by skopeo (`oci:DIR:TAG`).
 */
class OciLayout {
    dir;
    name;
    #ready;
    constructor(dir) {
        this.dir = (0,external_node_path_.resolve)(dir);
        this.name = `oci-layout:${dir}`;
    }
    #blobPath(digest) {
        const { algorithm, hex } = (0,oci_digest/* parseDigest */.m)(digest);
        return (0,external_node_path_.join)(this.dir, 'blobs', algorithm, hex);
    }
    /** Creates the layout skeleton on first write. */
    #init() {
        this.#ready ??= (async () => {
            await (0,promises_.mkdir)((0,external_node_path_.join)(this.dir, 'blobs', 'sha256'), { recursive: true });
            const existing = await (0,promises_.readFile)((0,external_node_path_.join)(this.dir, 'oci-layout'), 'utf8').catch(() => undefined);
            if (existing === undefined)
                await this.#writeAtomic('oci-layout', layoutFile);
            else if (JSON.parse(existing).imageLayoutVersion !== '1.0.0') {
                throw new errors/* OciError */.Mf('UNSUPPORTED', `${this.name} has an unsupported imageLayoutVersion`);
            }
            // Under the index lock, so a writer that found no index.json cannot replace one another writer just filled.
            await this.#locked(() => (0,promises_.stat)((0,external_node_path_.join)(this.dir, 'index.json')).catch(() => this.#writeIndex({ schemaVersion: 2, mediaType: media_types/* MediaType */.zu.ociIndex, manifests: [] })));
        })();
        return this.#ready;
    }
    /** Writes a file in the layout by rename, so no reader ever sees it half-written. */
    async #writeAtomic(name, content) {
        const temp = (0,external_node_path_.join)(this.dir, `.${name}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
        await (0,promises_.writeFile)(temp, content);
        await (0,promises_.rename)(temp, (0,external_node_path_.join)(this.dir, name));
    }
    /** Runs `fn` after every earlier index.json change to this directory in this process. */
    async #locked(fn) {
        const previous = indexLocks.get(this.dir) ?? Promise.resolve();
        const next = previous.catch(() => undefined).then(fn);
        indexLocks.set(this.dir, next);
        try {
            return await next;
        }
        finally {
            if (indexLocks.get(this.dir) === next)
                indexLocks.delete(this.dir);
        }
    }
    async #readIndex() {
        let text;
        try {
            text = await (0,promises_.readFile)((0,external_node_path_.join)(this.dir, 'index.json'), 'utf8');
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return { schemaVersion: 2, mediaType: media_types/* MediaType */.zu.ociIndex, manifests: [] };
            throw err;
        }
        const index = JSON.parse(text);
        if (!Array.isArray(index.manifests))
            throw new errors/* OciError */.Mf('MANIFEST_INVALID', `${this.name}/index.json has no manifests array`);
        return index;
    }
    async #writeIndex(index) {
        await this.#writeAtomic('index.json', JSON.stringify(index));
    }
    async #updateIndex(change) {
        await this.#init();
        await this.#locked(async () => {
            const index = await this.#readIndex();
            change(index);
            await this.#writeIndex(index);
        });
    }
    async resolve(reference) {
        const index = await this.#readIndex();
        const byDigest = reference.includes(':');
        const entry = index.manifests.find((d) => (byDigest ? d.digest === reference : d.annotations?.[refNameAnnotation] === reference));
        if (entry)
            return { mediaType: entry.mediaType, digest: entry.digest, size: entry.size };
        if (byDigest) {
            const bytes = await (0,promises_.readFile)(this.#blobPath(reference)).catch(() => undefined);
            if (bytes) {
                (0,oci_digest/* verifyBytes */.RV)(bytes, { digest: reference });
                return { mediaType: (0,oci_descriptor/* parseManifest */.Ng)(bytes).mediaType, digest: reference, size: bytes.length };
            }
        }
        throw notFound(this.name, reference);
    }
    async fetchManifest(reference) {
        const descriptor = await this.resolve(reference);
        const bytes = await (0,promises_.readFile)(this.#blobPath(descriptor.digest)).catch(() => {
            throw notFound(this.name, descriptor.digest);
        });
        (0,oci_digest/* verifyBytes */.RV)(bytes, descriptor);
        return { descriptor, bytes };
    }
    async fetch(descriptor) {
        if (!(await this.exists(descriptor)))
            throw notFound(this.name, descriptor.digest);
        const verifier = new oci_digest/* DigestStream */.vl({ digest: descriptor.digest, size: descriptor.size });
        const stream = (0,external_node_fs_.createReadStream)(this.#blobPath(descriptor.digest), { highWaterMark: 1 << 20 });
        stream.on('error', (err) => verifier.destroy(err));
        return stream.pipe(verifier);
    }
    source(descriptor) {
        return (0,content/* fileSource */.IO)(this.#blobPath(descriptor.digest), descriptor.size);
    }
    async exists(descriptor) {
        const info = await (0,promises_.stat)(this.#blobPath(descriptor.digest)).catch(() => undefined);
        return info !== undefined && info.isFile() && info.size === descriptor.size;
    }
    async push(descriptor, content) {
        await this.#init();
        if (!(await this.exists(descriptor))) {
            const ingest = (0,external_node_path_.join)(this.dir, 'ingest');
            await (0,promises_.mkdir)(ingest, { recursive: true });
            await (0,promises_.mkdir)((0,external_node_path_.join)(this.dir, 'blobs', (0,oci_digest/* parseDigest */.m)(descriptor.digest).algorithm), { recursive: true });
            const temp = (0,external_node_path_.join)(ingest, (0,external_node_crypto_.randomBytes)(8).toString('hex'));
            try {
                await (0,external_node_stream_promises_.pipeline)(content.open(), new oci_digest/* DigestStream */.vl({ digest: descriptor.digest, size: descriptor.size }), (0,external_node_fs_.createWriteStream)(temp));
                const written = await (0,promises_.stat)(temp);
                if (written.size !== descriptor.size)
                    throw new errors/* OciError */.Mf('SIZE_INVALID', `content for ${descriptor.digest} is ${written.size} bytes, expected ${descriptor.size}`);
                await (0,promises_.rename)(temp, this.#blobPath(descriptor.digest));
            }
            finally {
                await (0,promises_.rm)(temp, { force: true });
            }
        }
        if ((0,media_types/* isManifestMediaType */.CM)(descriptor.mediaType)) {
            await this.#updateIndex((index) => {
                if (!index.manifests.some((d) => d.digest === descriptor.digest))
                    index.manifests.push((0,oci_descriptor/* plainDescriptor */.UM)({ mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size }));
            });
        }
    }
    async pushReference(descriptor, bytes, reference) {
        (0,oci_digest/* verifyBytes */.RV)(bytes, descriptor);
        await this.push(descriptor, (0,content/* bytesSource */.Xl)(bytes));
        await this.tag(descriptor, reference);
    }
    async tag(descriptor, tag) {
        if (!(await this.exists(descriptor)))
            throw notFound(this.name, descriptor.digest);
        await this.#updateIndex((index) => {
            const moved = index.manifests.filter((d) => d.annotations?.[refNameAnnotation] === tag && d.digest !== descriptor.digest);
            index.manifests = index.manifests.filter((d) => d.annotations?.[refNameAnnotation] !== tag && !(d.digest === descriptor.digest && !d.annotations?.[refNameAnnotation]));
            index.manifests.push((0,oci_descriptor/* plainDescriptor */.UM)({ mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size, annotations: { [refNameAnnotation]: tag } }));
            // A manifest that just lost its last tag stays listed, untagged, so it is still found (e.g. by referrers).
            for (const old of moved) {
                if (!index.manifests.some((d) => d.digest === old.digest))
                    index.manifests.push((0,oci_descriptor/* plainDescriptor */.UM)({ mediaType: old.mediaType, digest: old.digest, size: old.size }));
            }
        });
    }
    async tags() {
        const index = await this.#readIndex();
        const names = index.manifests.map((d) => d.annotations?.[refNameAnnotation]).filter((t) => Boolean(t));
        return [...new Set(names)].sort(order/* compareBytes */.X);
    }
    async referrers(descriptor, options = {}) {
        const index = await this.#readIndex();
        const found = [];
        const seen = new Set();
        for (const entry of index.manifests) {
            if (seen.has(entry.digest))
                continue;
            seen.add(entry.digest);
            const bytes = await (0,promises_.readFile)(this.#blobPath(entry.digest)).catch(() => undefined);
            if (!bytes)
                continue;
            const { manifest } = (0,oci_descriptor/* parseManifest */.Ng)(bytes, entry.mediaType);
            if (manifest.subject?.digest === descriptor.digest)
                found.push((0,referrers/* referrerDescriptor */.xh)(entry, manifest));
        }
        return (0,referrers/* filterByArtifactType */.Ul)(found, options.artifactType);
    }
    async delete(descriptor) {
        if (!(await this.exists(descriptor)))
            throw notFound(this.name, descriptor.digest);
        if ((0,media_types/* isManifestMediaType */.CM)(descriptor.mediaType)) {
            await this.#updateIndex((index) => {
                index.manifests = index.manifests.filter((d) => d.digest !== descriptor.digest);
            });
        }
        await (0,promises_.rm)(this.#blobPath(descriptor.digest), { force: true });
    }
}
function notFound(name, reference) {
    const what = reference.includes(':') ? reference : `tag "${reference}"`;
    return new errors/* OciError */.Mf(reference.includes(':') ? 'BLOB_UNKNOWN' : 'MANIFEST_UNKNOWN', `${what} not found in ${name}`, { status: 404 });
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/open.ts




const layoutScheme = 'oci-layout:';
/**
 * Parses a location: `oci://host/repo[:tag|@digest]`, `host/repo[:tag|@digest]`, or
 * `oci-layout:DIR[:tag|@digest]` (also `oci-layout://DIR…`) for an OCI image layout directory.
 */
function parseLocation(input) {
    const raw = input.trim();
    if (!raw.startsWith(layoutScheme))
        return { kind: 'registry', reference: (0,reference/* parseReference */.F2)(raw) };
    let rest = raw.slice(layoutScheme.length).replace(/^\/\//, '');
    const location = { kind: 'layout', dir: '' };
    const at = rest.lastIndexOf('@');
    if (at > rest.lastIndexOf('/')) {
        location.digest = rest.slice(at + 1);
        (0,oci_digest/* parseDigest */.m)(location.digest);
        rest = rest.slice(0, at);
    }
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        location.tag = rest.slice(colon + 1);
        (0,reference/* assertValidTag */.b5)(location.tag);
        rest = rest.slice(0, colon);
    }
    if (!rest)
        throw new errors/* InvalidReferenceError */.x_(`invalid layout location "${input}": the directory is missing; expected oci-layout:DIR[:tag]`);
    location.dir = rest;
    return location;
}
function formatLocation(location) {
    if (location.kind === 'registry')
        return formatReference(location.reference);
    return `${layoutScheme}${location.dir}${location.tag ? `:${location.tag}` : ''}${location.digest ? `@${location.digest}` : ''}`;
}
/** The tag or digest a location names, if any (digest wins). */
function locationReference(location) {
    return location.kind === 'registry' ? (location.reference.digest ?? location.reference.tag) : (location.digest ?? location.tag);
}
/** The location without its tag or digest: `host/repo` or `oci-layout:DIR`. */
function locationName(location) {
    return location.kind === 'registry' ? `${location.reference.registry}/${location.reference.repository}` : `${layoutScheme}${location.dir}`;
}
function openTarget(location, client) {
    return location.kind === 'registry' ? client.repository(location.reference) : new OciLayout(location.dir);
}
/** `<location>/<name>` without tag or digest: where a component of a base repository (or layout directory) lives. */
function childLocation(base, name) {
    return base.kind === 'registry'
        ? { kind: 'registry', reference: { registry: base.reference.registry, repository: `${base.reference.repository}/${name}` } }
        : { kind: 'layout', dir: `${base.dir}/${name}` };
}


/***/ }),

/***/ 8085:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ compareBytes)
/* harmony export */ });
/** Byte-wise string order (Go's sort.Strings), which tag lists and tar entries use; never locale order. */
function compareBytes(a, b) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}


/***/ }),

/***/ 8936:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ tagRule),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Fh: () => (/* binding */ registryEndpoint),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   b5: () => (/* binding */ assertValidTag),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony exports dockerHub, referenceTarget */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8706);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8341);


const dockerHub = 'docker.io';
const dockerHubAliases = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
const label = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const hostPattern = new RegExp(`^(?:${label}(?:\\.${label})*|\\[[0-9a-fA-F:.]+\\])(?::([0-9]+))?$`);
const componentPattern = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
/** The tag grammar in words, for error messages. */
const tagRule = 'up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"';
const maxNameLength = 255;
/**
 * Parses `oci://host[:port]/path[:tag|@sha256:…]`, or the same without `oci://`. A first path element without
 * `.`, `:` or `localhost` means Docker Hub (as docker and go-containerregistry do). Errors name the bad part.
 */
function parseReference(input) {
    const raw = input.trim();
    const fail = (why) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(`invalid reference "${input}": ${why}`);
    };
    if (raw === '')
        fail('it is empty; expected host/repository[:tag], e.g. ghcr.io/owner/repo:latest');
    if (/\s/.test(raw))
        fail('it contains whitespace');
    let rest = raw;
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
    if (scheme) {
        if (scheme[1]?.toLowerCase() !== 'oci')
            fail(`unsupported scheme "${scheme[0]}"; use oci://host/repository or host/repository`);
        rest = rest.slice(scheme[0].length);
    }
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        try {
            (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDigest */ .m)(digest);
        }
        catch (err) {
            fail(err.message.replace(/^invalid digest/, 'digest'));
        }
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!tagPattern.test(tag)) {
            fail(`tag "${tag}" is invalid: ${tagRule}`);
        }
    }
    const slash = rest.indexOf('/');
    const first = slash === -1 ? rest : rest.slice(0, slash);
    const isHost = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
    let registry = isHost ? first.toLowerCase() : dockerHub;
    let repository = isHost ? rest.slice(slash + 1) : rest;
    if (isHost) {
        const host = hostPattern.exec(first);
        if (!host)
            fail(`registry host "${first}" is not a valid host[:port]`);
        const port = host?.[1];
        if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
            fail(`registry port "${port}" is out of range`);
    }
    if (dockerHubAliases.has(registry))
        registry = dockerHub;
    if (registry === dockerHub && repository !== '' && !repository.includes('/'))
        repository = `library/${repository}`;
    if (repository === '')
        fail('the repository path is missing; expected host/repository, e.g. ghcr.io/owner/repo');
    for (const component of repository.split('/')) {
        if (componentPattern.test(component))
            continue;
        if (componentPattern.test(component.toLowerCase())) {
            fail(`repository "${repository}" must be lowercase (OCI repository names are lowercase: "${repository.toLowerCase()}")`);
        }
        fail(component === ''
            ? `repository "${repository}" has an empty path element`
            : `repository path element "${component}" is invalid: use lowercase letters, digits and single ".", "_", "__" or "-" separators`);
    }
    if (registry.length + 1 + repository.length > maxNameLength)
        fail(`the name is longer than ${maxNameLength} characters`);
    const ref = { registry, repository };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
function isValidTag(tag) {
    return tagPattern.test(tag);
}
/** Throws a one-line error naming the tag when it does not follow the OCI tag grammar. */
function assertValidTag(tag) {
    if (!tagPattern.test(tag)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(`invalid tag "${tag}": ${tagRule}`);
    }
}
/** `registry/repository`, the form used in outputs such as `digest-url`. */
function repositoryName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
/** `registry/repository[:tag][@digest]`. */
function formatReference(ref) {
    return `${repositoryName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** The tag or digest a reference points at; digest wins, as in every registry client. */
function referenceTarget(ref) {
    return ref.digest ?? ref.tag;
}
/** The host that serves the registry API for a canonical registry name. */
function registryEndpoint(registry) {
    return registry === dockerHub ? 'registry-1.docker.io' : registry;
}
/** Loopback registries are reached over plain HTTP, like docker does for localhost. */
function isLoopbackHost(registry) {
    const host = registry.replace(/:[0-9]+$/, '').replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127(?:\.[0-9]{1,3}){3}$/.test(host);
}


/***/ }),

/***/ 6869:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LN: () => (/* binding */ referrersTag),
/* harmony export */   Qy: () => (/* binding */ removeReferrer),
/* harmony export */   Ul: () => (/* binding */ filterByArtifactType),
/* harmony export */   Xg: () => (/* binding */ addReferrer),
/* harmony export */   _9: () => (/* binding */ emptyReferrersIndex),
/* harmony export */   xh: () => (/* binding */ referrerDescriptor)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8341);
/* harmony import */ var _descriptor_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7796);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8613);



/**
 * The Referrers Tag Schema tag for a subject digest (distribution-spec §"Referrers Tag Schema"):
 * `<alg>-<hex>`, algorithm truncated to 32 characters and the encoded part to 64.
 */
function referrersTag(subjectDigest) {
    const { algorithm, hex } = (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(subjectDigest);
    return `${algorithm.slice(0, 32)}-${hex.slice(0, 64)}`.replace(/[^a-zA-Z0-9._-]/g, '-');
}
/** The descriptor a referrers listing shows for a manifest: its artifact type and annotations. */
function referrerDescriptor(descriptor, manifest) {
    const out = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .plainDescriptor */ .UM)({ mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size });
    const artifactType = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .artifactTypeOf */ .Gh)(manifest);
    if (manifest.annotations && Object.keys(manifest.annotations).length)
        out.annotations = manifest.annotations;
    if (artifactType)
        out.artifactType = artifactType;
    return out;
}
function emptyReferrersIndex() {
    return { schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociIndex, manifests: [] };
}
/**
 * Adds a referrer to a fallback index, kept sorted by digest as go-containerregistry (so cosign) writes it
 * (`remote/write.go` `commitSubjectReferrers`: "Sort the manifests for reproducibility"); returns false when it is
 * already listed.
 */
function addReferrer(index, referrer) {
    if (index.manifests.some((d) => d.digest === referrer.digest))
        return false;
    index.manifests.push(referrer);
    index.manifests.sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
    return true;
}
/** Removes a referrer from a fallback index; returns false when it was not listed. */
function removeReferrer(index, digest) {
    const before = index.manifests.length;
    index.manifests = index.manifests.filter((d) => d.digest !== digest);
    return index.manifests.length !== before;
}
function filterByArtifactType(referrers, artifactType) {
    return artifactType ? referrers.filter((d) => d.artifactType === artifactType) : referrers;
}


/***/ }),

/***/ 962:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ SigningError)
/* harmony export */ });
/** Signing could not complete (a Sigstore service, the key or the token); the message is one line. */
class SigningError extends Error {
    constructor(message, options) {
        super(message.replace(/\s*\n\s*/g, ' '), options);
        this.name = 'SigningError';
    }
}


/***/ }),

/***/ 8783:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IS: () => (/* binding */ IdentityTokenError),
/* harmony export */   Jt: () => (/* binding */ githubActionsIdentity),
/* harmony export */   Qk: () => (/* binding */ hasGitHubIdToken),
/* harmony export */   vE: () => (/* binding */ jwtClaims)
/* harmony export */ });
/* unused harmony export staticIdentity */
class IdentityTokenError extends Error {
    constructor(message) {
        super(message);
        this.name = 'IdentityTokenError';
    }
}
/** Whether this GitHub job may ask for an OIDC token (`permissions: id-token: write` sets these variables). */
function hasGitHubIdToken(env = process.env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
/**
 * The GitHub Actions job's OIDC token for an audience, from the runner's token service (what @actions/core's
 * getIDToken does). `onToken` sees each token first, so CI can mask it.
 */
function githubActionsIdentity(audience, options = {}) {
    const env = options.env ?? process.env;
    return {
        async getToken() {
            const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
            const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
            if (!url || !bearer)
                throw new IdentityTokenError('no OIDC token available to this job: add `permissions: id-token: write`');
            const request = new URL(url);
            request.searchParams.append('audience', audience);
            let response;
            for (let attempt = 1; attempt <= 3; attempt++) {
                response = await fetch(request, { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' } }).catch(() => undefined);
                if (response && response.status < 500)
                    break;
            }
            if (!response?.ok)
                throw new IdentityTokenError(`could not get an OIDC token for audience ${audience} (${response ? `HTTP ${response.status}` : 'network error'})`);
            const value = (await response.json()).value;
            if (!value)
                throw new IdentityTokenError('the OIDC token response had no value');
            options.onToken?.(value);
            return value;
        },
    };
}
/** A fixed token (cosign's `--identity-token`, or `SIGSTORE_ID_TOKEN`). */
function staticIdentity(token) {
    return { getToken: async () => token };
}
/** The claims of a JWT, without checking its signature (for naming the identity in messages). */
function jwtClaims(token) {
    try {
        return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    }
    catch {
        return {};
    }
}


/***/ }),

/***/ 6666:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  KeyError: () => (/* binding */ KeyError),
  keyId: () => (/* binding */ keyId),
  loadPrivateKey: () => (/* binding */ loadPrivateKey),
  loadPublicKey: () => (/* binding */ loadPublicKey),
  publicKeyPem: () => (/* binding */ publicKeyPem)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ../../node_modules/@noble/ciphers/utils.js
/**
 * Utilities for hex, bytes, CSPRNG.
 * @module
 */
/*! noble-ciphers - MIT License (c) 2023 Paul Miller (paulmillr.com) */
function aarray(item, title, inner = () => { }) {
    if (!Array.isArray(item))
        throw new TypeError(`"${title}" expected array, got type=${typeof item}`);
    for (let i = 0; i < item.length; i++)
        inner(item[i], `${title}[${i}]`);
    return item;
}
/**
 * Checks if something is Uint8Array. Be careful: nodejs Buffer will return true.
 * @param a - Value to inspect.
 * @returns `true` when the value is a Uint8Array view, including Node's `Buffer`.
 * @example
 * Guards a value before treating it as raw key material.
 *
 * ```ts
 * isBytes(new Uint8Array());
 * ```
 */
function isBytes(a) {
    // Plain `instanceof Uint8Array` is too strict for some Buffer / proxy /
    // cross-realm cases. The fallback still requires a real ArrayBuffer view
    // so plain JSON-deserialized `{ constructor: ... }`
    // spoofing is rejected, and `BYTES_PER_ELEMENT === 1` keeps the fallback on byte-oriented views.
    return (a instanceof Uint8Array ||
        (ArrayBuffer.isView(a) &&
            a.constructor.name === 'Uint8Array' &&
            'BYTES_PER_ELEMENT' in a &&
            a.BYTES_PER_ELEMENT === 1));
}
// Shared error-message prefix builder. Only called on throw paths, so assert
// success paths never pay for the string concatenation.
const atitle = (title) => (title ? `"${title}" ` : '');
/**
 * Asserts something is boolean.
 * @param value - Value to validate.
 * @returns The validated boolean.
 * @throws On wrong argument types. {@link TypeError}
 * @example
 * Validates a boolean option before branching on it.
 *
 * ```ts
 * abool(true);
 * ```
 */
function abool(value, title = '') {
    if (typeof value !== 'boolean')
        throw new TypeError(atitle(title) + 'expected boolean, got type=' + typeof value);
    return value;
}
/**
 * Asserts something is a non-negative safe integer.
 * @param n - Value to validate.
 * @returns The validated number.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On wrong argument ranges or values. {@link RangeError}
 * @example
 * Validates a non-negative length or counter.
 *
 * ```ts
 * anumber(1);
 * ```
 */
function utils_anumber(n, title = '') {
    if (typeof n !== 'number')
        throw new TypeError(atitle(title) + 'expected number, got ' + typeof n);
    if (!Number.isSafeInteger(n) || n < 0)
        throw new RangeError(atitle(title) + 'expected integer >= 0, got ' + n);
    return n;
}
/**
 * Asserts something is Uint8Array.
 * @param value - Value to validate.
 * @param length - Expected byte length.
 * @param title - Optional label used in error messages.
 * @returns The validated byte array.
 * On Node, `Buffer` is accepted too because it is a Uint8Array view.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On wrong argument lengths. {@link RangeError}
 * @example
 * Validates a fixed-length nonce or key buffer.
 *
 * ```ts
 * abytes(new Uint8Array([1, 2]), 2);
 * ```
 */
function utils_abytes(value, length, title = '') {
    // Success path first: this runs at the start of every update() / digestInto(), and the
    // common `abytes(data)` form must not pay for length handling it does not use.
    if (isBytes(value) && (length === undefined || value.length === length))
        return value;
    // Error path: recompute freely to build the exact message.
    if (length !== undefined)
        utils_anumber(length, 'length');
    const bytes = isBytes(value);
    const ofLen = length !== undefined ? ` of length ${length}` : '';
    const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
    const message = atitle(title) + 'expected Uint8Array' + ofLen + ', got ' + got;
    if (!bytes)
        throw new TypeError(message);
    throw new RangeError(message);
}
const aobject = (value, label) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new TypeError(label === 'object'
            ? 'expected valid options object'
            : `"${label}" expected object, got type=${typeof value}`);
};
/**
 * Asserts a hash- or MAC-like instance has not been destroyed or finished.
 * @param instance - Stateful instance to validate.
 * @param checkFinished - Whether to reject finished instances.
 * When `false`, only `destroyed` is checked.
 * @throws If the hash instance has already been destroyed or finalized. {@link Error}
 * @example
 * Guards against calling `update()` or `digest()` on a finished hash.
 *
 * ```ts
 * aexists({ destroyed: false, finished: false });
 * ```
 */
function aexists(instance, checkFinished = true) {
    // Runs on every update()/digestInto(); the flags are library-owned booleans, so only their
    // truthiness is checked - re-validating their type per call was pure hot-path overhead.
    if (instance.destroyed)
        throw new Error('hash was destroyed');
    if (checkFinished && instance.finished)
        throw new Error('digest() was already called');
}
/**
 * Asserts output is a sufficiently-sized byte array.
 * @param out - Output buffer to validate.
 * @param instance - Hash-like instance providing `outputLen`.
 * This is the relaxed `digestInto()`-style contract: output must be at least `outputLen`,
 * unlike one-shot cipher helpers elsewhere in the repo that often require exact lengths.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On wrong output buffer lengths. {@link RangeError}
 * @example
 * Verifies that a caller-provided output buffer is large enough.
 *
 * ```ts
 * aoutput(new Uint8Array(16), { outputLen: 16 });
 * ```
 */
function aoutput(out, instance) {
    utils_abytes(out, undefined, 'output');
    // `outputLen` is a library-owned readonly number; the negated comparison keeps failing fast
    // when it is missing/NaN (comparisons with undefined/NaN are false) without an anumber() call.
    const min = instance.outputLen;
    if (!(out.length >= min)) {
        throw new RangeError('"output" expected length >= ' + min);
    }
}
/**
 * Asserts output is a sufficiently-sized, 4-byte-aligned byte array.
 * {@link aoutput} plus an {@link isAligned32} check, for `digestInto()` paths
 * that write through zero-allocation `u32` word views.
 * @param out - Output buffer to validate.
 * @param instance - Hash-like instance providing `outputLen`.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On wrong output buffer lengths. {@link RangeError}
 * @throws On wrong output buffer alignment. {@link Error}
 * @example
 * Verifies that a caller-provided output buffer is large enough and aligned.
 *
 * ```ts
 * aoutput32(new Uint8Array(16), { outputLen: 16 });
 * ```
 */
function aoutput32(out, instance) {
    aoutput(out, instance);
    if (!isAligned32(out))
        throw new Error('invalid output, must be aligned');
}
/**
 * Casts a typed-array view to Uint8Array.
 * @param arr - Typed-array view to reinterpret.
 * @returns Uint8Array view over the same bytes.
 * @example
 * Views 32-bit words as raw bytes without copying.
 *
 * ```ts
 * u8(new Uint32Array([1]));
 * ```
 */
function u8(arr) {
    return new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
}
/**
 * Casts a typed-array view to Uint32Array.
 * @param arr - Typed-array view to reinterpret.
 * @returns Uint32Array view over the same bytes. Callers are expected to provide a
 * 4-byte-aligned offset; trailing `1..3` bytes are silently dropped.
 * @example
 * Views a byte buffer as 32-bit words for block processing.
 *
 * ```ts
 * u32(new Uint8Array(4));
 * ```
 */
function u32(arr) {
    return new Uint32Array(arr.buffer, arr.byteOffset, Math.floor(arr.byteLength / 4));
}
/**
 * Zeroizes typed arrays in place.
 * Warning: JS provides no guarantees.
 * @param arrays - Arrays to wipe.
 * @example
 * Wipes a temporary key buffer after use.
 *
 * ```ts
 * const bytes = new Uint8Array([1]);
 * clean(bytes);
 * ```
 */
function clean(...arrays) {
    for (let i = 0; i < arrays.length; i++) {
        arrays[i].fill(0);
    }
}
/**
 * Creates a DataView for byte-level manipulation.
 * @param arr - Typed-array view to wrap.
 * @returns DataView over the same bytes.
 * @example
 * Creates an endian-aware view for length encoding.
 *
 * ```ts
 * createView(new Uint8Array(4));
 * ```
 */
function createView(arr) {
    return new DataView(arr.buffer, arr.byteOffset, arr.byteLength);
}
/**
 * Whether the current platform is little-endian.
 * Most are; some IBM systems are not.
 */
const isLE = /* @__PURE__ */ (() => new Uint8Array(new Uint32Array([0x11223344]).buffer)[0] === 0x44)();
/**
 * Reverses byte order of one 32-bit word.
 * @param word - Unsigned 32-bit word to swap.
 * @returns The same word with bytes reversed.
 * @example
 * Swaps a big-endian word into little-endian byte order.
 *
 * ```ts
 * byteSwap(0x11223344);
 * ```
 */
function byteSwap(word) {
    return (((word << 24) & 0xff000000) |
        ((word << 8) & 0xff0000) |
        ((word >>> 8) & 0xff00) |
        ((word >>> 24) & 0xff));
}
/**
 * Normalizes one 32-bit word to the little-endian representation expected by cipher cores.
 * @param n - Unsigned 32-bit word to normalize.
 * @returns Little-endian normalized word on big-endian hosts, else the input word unchanged.
 * @example
 * Normalizes a host-endian word before passing it into an ARX/AES core.
 *
 * ```ts
 * swap8IfBE(0x11223344);
 * ```
 */
const swap8IfBE = (/* unused pure expression or super */ null && (isLE
    ? (n) => n
    : (n) => byteSwap(n) >>> 0));
/**
 * Byte-swaps every word of a Uint32Array in place.
 * @param arr - Uint32Array whose words should be swapped.
 * @returns The same array after in-place byte swapping.
 * @example
 * Swaps every 32-bit word in a word-view buffer.
 *
 * ```ts
 * byteSwap32(new Uint32Array([0x11223344]));
 * ```
 */
function byteSwap32(arr) {
    for (let i = 0; i < arr.length; i++) {
        arr[i] = byteSwap(arr[i]);
    }
    return arr;
}
/**
 * Normalizes a Uint32Array view to the little-endian representation expected by cipher cores.
 * @param u - Word view to normalize in place.
 * @returns Little-endian normalized word view.
 * @example
 * Normalizes a word-view buffer before block processing.
 *
 * ```ts
 * swap32IfBE(new Uint32Array([0x11223344]));
 * ```
 */
const swap32IfBE = isLE
    ? (u) => u
    : byteSwap32;
// Built-in hex conversion:
// {@link https://caniuse.com/mdn-javascript_builtins_uint8array_fromhex | caniuse entry}
const hasHexBuiltin = /* @__PURE__ */ (/* unused pure expression or super */ null && ((() => 
// @ts-ignore
typeof Uint8Array.from([]).toHex === 'function' && typeof Uint8Array.fromHex === 'function')()));
// Array where index 0xf0 (240) is mapped to string 'f0'
const hexes = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/**
 * Convert byte array to hex string. Uses built-in function, when available.
 * @param bytes - Bytes to encode.
 * @returns Lowercase hexadecimal string.
 * @throws On wrong argument types. {@link TypeError}
 * @example
 * Formats ciphertext bytes for logs or test vectors.
 *
 * ```ts
 * bytesToHex(Uint8Array.from([0xca, 0xfe, 0x01, 0x23])); // 'cafe0123'
 * ```
 */
function bytesToHex(bytes) {
    utils_abytes(bytes);
    // @ts-ignore
    if (hasHexBuiltin)
        return bytes.toHex();
    // pre-caching improves the speed 6x
    let hex = '';
    for (let i = 0; i < bytes.length; i++) {
        hex += hexes[bytes[i]];
    }
    return hex;
}
// Strict ASCII nibble parser: non-ASCII hex lookalikes are rejected as undefined.
// ASCII codes: '0'..'9' = 48..57, 'A'..'F' = 65..70, 'a'..'f' = 97..102.
// prettier-ignore
function asciiToBase16(ch) {
    return ch >= 48 && ch <= 57 ? ch - 48 // '2' => 50-48
        : ch >= 65 && ch <= 70 ? ch - (65 - 10) // 'B' => 66-(65-10)
            : ch >= 97 && ch <= 102 ? ch - (97 - 10) // 'b' => 98-(97-10)
                : undefined;
}
/**
 * Convert hex string to byte array. Uses built-in function, when available.
 * @param hex - hexadecimal string to decode
 * @returns Decoded bytes.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On wrong argument ranges or values. {@link RangeError}
 * @example
 * Decode lowercase hexadecimal into bytes.
 * ```ts
 * hexToBytes('cafe0123'); // Uint8Array.from([0xca, 0xfe, 0x01, 0x23])
 * ```
 */
function hexToBytes(hex) {
    if (typeof hex !== 'string')
        throw new TypeError('hex string expected, got ' + typeof hex);
    if (hasHexBuiltin) {
        try {
            return Uint8Array.fromHex(hex);
        }
        catch (error) {
            if (error instanceof SyntaxError)
                throw new RangeError(error.message);
            throw error;
        }
    }
    const hl = hex.length;
    const al = hl / 2;
    if (hl % 2)
        throw new RangeError('hex string expected, got unpadded hex of length ' + hl);
    const array = new Uint8Array(al);
    for (let ai = 0, hi = 0; ai < al; ai++, hi += 2) {
        const n1 = asciiToBase16(hex.charCodeAt(hi)); // parse first char, multiply it by 16
        const n2 = asciiToBase16(hex.charCodeAt(hi + 1)); // parse second char
        if (n1 === undefined || n2 === undefined) {
            const char = hex[hi] + hex[hi + 1];
            throw new RangeError('hex string expected, got non-hex character "' + char + '" at index ' + hi);
        }
        array[ai] = n1 * 16 + n2; // example: 'A9' => 10*16 + 9
    }
    return array;
}
const _0n = /* @__PURE__ */ (/* unused pure expression or super */ null && (BigInt(0)));
// Used in ff1, via bytesToNumberBE
/**
 * Converts a big-endian hex string into bigint.
 * @param hex - Hexadecimal string without `0x`.
 * @returns Parsed bigint value. The empty string is treated as `0n`.
 * @throws On wrong argument types. {@link TypeError}
 * @example
 * Parses a big-endian field element or counter from hex.
 *
 * ```ts
 * hexToNumber('ff');
 * ```
 */
function hexToNumber(hex) {
    if (typeof hex !== 'string')
        throw new TypeError('hex string expected, got ' + typeof hex);
    // Numeric parser, not byte-hex decoder: odd-length forms like 'f' are valid,
    // and malformed syntax follows BigInt's native error behavior.
    return hex === '' ? _0n : BigInt('0x' + hex); // Big Endian
}
// Used in ff1
// BE: Big Endian, LE: Little Endian
/**
 * Converts big-endian bytes into bigint.
 * @param bytes - Big-endian bytes.
 * @returns Parsed bigint value. Empty input is treated as `0n`.
 * @throws On invalid byte input passed to the internal hex conversion. {@link TypeError}
 * @example
 * Reads a big-endian integer from serialized bytes.
 *
 * ```ts
 * bytesToNumberBE(new Uint8Array([1, 0]));
 * ```
 */
function bytesToNumberBE(bytes) {
    return hexToNumber(bytesToHex(bytes));
}
/**
 * Validates that a value is a non-negative bigint or safe integer.
 * @param n - Value to validate.
 * @returns The same validated value.
 * @throws On wrong argument ranges or values. {@link RangeError}
 */
function abignumber(n) {
    if (typeof n === 'bigint') {
        if (!(_0n <= n))
            throw new RangeError('positive bigint expected, got ' + n);
    }
    else
        utils_anumber(n);
    return n;
}
// Used in ff1
/**
 * Converts a number into big-endian bytes of fixed length.
 * @param n - Number to encode.
 * @param len - Output length in bytes. Must be greater than zero.
 * @returns Big-endian bytes padded to `len`.
 * Negative values, `len = 0`, and values that do not fit are rejected before
 * downstream hex parsing.
 * @throws On wrong argument ranges or values. {@link RangeError}
 * @throws If a documented runtime validation or state check fails. {@link Error}
 * @example
 * Encodes a counter as fixed-width big-endian bytes.
 *
 * ```ts
 * numberToBytesBE(1, 2);
 * ```
 */
function numberToBytesBE(n, len) {
    utils_anumber(len);
    if (len === 0)
        throw new Error('zero output length is invalid');
    n = abignumber(n);
    const expectedLen = len * 2;
    const hex = n.toString(16);
    // Detect overflow before hex parsing so oversized values don't leak the shared odd-hex error.
    if (hex.length > expectedLen)
        throw new RangeError('number is too large');
    return hexToBytes(hex.padStart(expectedLen, '0'));
}
/**
 * Converts string to bytes using UTF8 encoding.
 * @param str - String to encode.
 * @returns UTF-8 bytes in a detached fresh Uint8Array copy.
 * @throws On wrong argument types. {@link TypeError}
 * @example
 * Encodes application text before encryption or MACing.
 *
 * ```ts
 * utf8ToBytes('abc'); // new Uint8Array([97, 98, 99])
 * ```
 */
function utf8ToBytes(str) {
    if (typeof str !== 'string')
        throw new TypeError('string expected');
    return new Uint8Array(new TextEncoder().encode(str)); // {@link https://bugzil.la/1681809 | Firefox bug 1681809}
}
/**
 * Converts bytes to string using UTF8 encoding.
 * @param bytes - UTF-8 bytes.
 * @returns Decoded string. Input validation is delegated to `TextDecoder`, and malformed
 * UTF-8 is replacement-decoded instead of rejected.
 * @example
 * Decodes UTF-8 plaintext back into a string.
 *
 * ```ts
 * bytesToUtf8(new Uint8Array([97, 98, 99])); // 'abc'
 * ```
 */
function bytesToUtf8(bytes) {
    return new TextDecoder().decode(bytes);
}
/**
 * Checks if two U8A use same underlying buffer and overlaps.
 * This is invalid and can corrupt data.
 * @param a - First byte view.
 * @param b - Second byte view.
 * @returns `true` when the views overlap in memory.
 * @example
 * Detects whether two slices alias the same backing buffer.
 *
 * ```ts
 * overlapBytes(new Uint8Array(4), new Uint8Array(4));
 * ```
 */
function overlapBytes(a, b) {
    // Zero-length views cannot overwrite anything, even if their offset sits inside another range.
    if (!a.byteLength || !b.byteLength)
        return false;
    return (a.buffer === b.buffer && // best we can do, may fail with an obscure Proxy
        a.byteOffset < b.byteOffset + b.byteLength && // a starts before b end
        b.byteOffset < a.byteOffset + a.byteLength // b starts before a end
    );
}
/**
 * If input and output overlap and input starts before output, we will overwrite end of input before
 * we start processing it, so this is not supported by forward-processing ciphers.
 * @param input - Input bytes.
 * @param output - Output bytes.
 * @throws If the output view would overwrite unread input bytes. {@link Error}
 * @example
 * Rejects an in-place layout that would overwrite unread input bytes.
 *
 * ```ts
 * const buffer = new Uint8Array(8);
 * complexOverlapBytes(buffer.subarray(0, 4), buffer.subarray(2, 6));
 * ```
 */
function complexOverlapBytes(input, output) {
    // This is very cursed. It works somehow, but I'm completely unsure,
    // reasoning about overlapping aligned windows is very hard.
    if (overlapBytes(input, output) && input.byteOffset < output.byteOffset)
        throw new Error('complex overlap of input and output is not supported');
}
/**
 * Copies several Uint8Arrays into one.
 * @param arrays - Byte arrays to concatenate.
 * @returns Combined byte array.
 * @throws On wrong argument types inside the byte-array list. {@link TypeError}
 * @example
 * Builds a `nonce || ciphertext` style buffer.
 *
 * ```ts
 * concatBytes(new Uint8Array([1]), new Uint8Array([2]));
 * ```
 */
function concatBytes(...arrays) {
    let sum = 0;
    for (let i = 0; i < arrays.length; i++) {
        const a = arrays[i];
        utils_abytes(a);
        sum += a.length;
    }
    const res = new Uint8Array(sum);
    for (let i = 0, pad = 0; i < arrays.length; i++) {
        const a = arrays[i];
        res.set(a, pad);
        pad += a.length;
    }
    return res;
}
/**
 * Merges user options into defaults.
 * @param defaults - Default option values.
 * @param opts - User-provided overrides.
 * @returns Combined options object.
 * `defaults` is a library-owned mutable object; user-provided `opts` only need to be
 * object-shaped, since "plain object" checks reject valid proxy/cross-realm containers.
 * The merge mutates `defaults` in place and returns the same object, so direct callers
 * should pass a fresh defaults object unless they intentionally want shared state updated.
 * @throws If options are missing or not an object. {@link Error}
 * @example
 * Applies user overrides to the default cipher options.
 *
 * ```ts
 * checkOpts({ rounds: 20 }, { rounds: 8 });
 * ```
 */
function checkOpts(defaults, opts) {
    aobject(defaults, 'defaults');
    aobject(opts, 'opts');
    // Mutates defaults by design. __proto__ follows Object.assign semantics here and can only
    // affect this local option object; callers already control this low-level options surface.
    const merged = Object.assign(defaults, opts);
    return merged;
}
/**
 * Compares two byte arrays in kinda constant time once lengths already match.
 * @param a - First byte array.
 * @param b - Second byte array.
 * @returns `true` when the arrays contain the same bytes. Different lengths still return early.
 * @example
 * Compares an expected authentication tag with the received one.
 *
 * ```ts
 * equalBytes(new Uint8Array([1]), new Uint8Array([1]));
 * ```
 */
function equalBytes(a, b) {
    a = utils_abytes(a);
    b = utils_abytes(b);
    if (a.length !== b.length)
        return false;
    let diff = 0;
    for (let i = 0; i < a.length; i++)
        diff |= a[i] ^ b[i];
    return diff === 0;
}
/**
 * Wraps a keyed MAC constructor into a one-shot helper with `.create()`.
 * @param keyLen - Valid probe-key length used to read static metadata once.
 * The probe key is only used for `outputLen` / `blockLen`, so callers with several valid key sizes
 * can pass any representative size as long as those values stay fixed.
 * @param macCons - Keyed MAC constructor or factory.
 * @param fromMsg - Optional adapter that derives extra constructor args from the one-shot message.
 * @returns Callable MAC helper with `.create()`.
 */
function wrapMacConstructor(keyLen, macCons, fromMsg) {
    const mac = macCons;
    const getArgs = (fromMsg || (() => []));
    const macC = (msg, key) => mac(key, ...getArgs(msg))
        .update(msg)
        .digest();
    const tmp = mac(new Uint8Array(keyLen), ...getArgs(new Uint8Array(0)));
    macC.outputLen = tmp.outputLen;
    macC.blockLen = tmp.blockLen;
    macC.create = (key, ...args) => mac(key, ...args);
    return macC;
}
/**
 * Wraps a cipher: validates args, ensures encrypt() can only be called once.
 * Used internally by the exported cipher constructors.
 * Output-buffer support is inferred from the wrapped `encrypt` / `decrypt`
 * arity (`fn.length === 2`), so wrapped output-capable methods must use a normal
 * second parameter, not a default/rest parameter. AAD support is explicit in
 * `params.withAAD`; optional AAD starts after the nonce slot when one is present.
 * @__NO_SIDE_EFFECTS__
 * @param params - Static cipher metadata. See {@link CipherParams}.
 * @param constructor - Cipher constructor.
 * @returns Wrapped constructor with validation.
 */
const wrapCipher = (params, constructor) => {
    function wrappedCipher(key, ...args) {
        // Validate key
        utils_abytes(key, undefined, 'key');
        // Validate nonce if nonceLength is present
        if (params.nonceLength !== undefined) {
            const nonce = args[0];
            utils_abytes(nonce, params.varSizeNonce ? undefined : params.nonceLength, 'nonce');
        }
        // Keep tag length available for decrypt-size checks after constructor validation.
        const tagl = params.tagLength;
        const aadStart = params.nonceLength !== undefined ? 1 : 0;
        // No-AAD constructors otherwise silently ignore byte args meant as AAD.
        if (!params.withAAD) {
            for (let i = aadStart; i < args.length; i++)
                if (isBytes(args[i]))
                    throw new Error('AAD not supported');
        }
        // Validate the first AAD slot early; rest-arg AAD constructors validate the tail themselves.
        if (params.withAAD && args[aadStart] !== undefined)
            utils_abytes(args[aadStart], undefined, 'AAD');
        const cipher = constructor(key, ...args);
        const checkOutput = (fnLength, output) => {
            if (output !== undefined) {
                if (fnLength !== 2)
                    throw new Error('cipher output not supported');
                utils_abytes(output, undefined, 'output');
            }
        };
        // Create wrapped cipher with validation and single-use encryption
        let called = false;
        const wrCipher = {
            encrypt(data, output) {
                if (called)
                    throw new Error('cannot encrypt() twice with same key + nonce');
                // Any encrypt attempt consumes the instance, even if validation rejects below.
                called = true;
                utils_abytes(data, undefined, 'data');
                checkOutput(cipher.encrypt.length, output);
                return cipher.encrypt(data, output);
            },
            decrypt(data, output) {
                utils_abytes(data, undefined, 'data');
                if (tagl && data.length < tagl)
                    throw new Error('"ciphertext" expected length >= tagLength=' + tagl);
                checkOutput(cipher.decrypt.length, output);
                return cipher.decrypt(data, output);
            },
        };
        return wrCipher;
    }
    Object.assign(wrappedCipher, params);
    return wrappedCipher;
};
/**
 * By default, returns u8a of length.
 * When out is available, it checks it for validity and uses it.
 * @param expectedLength - Required output length.
 * @param out - Optional destination buffer.
 * @param onlyAligned - Whether `out` must be 4-byte aligned.
 * @returns Output buffer ready for writing.
 * @throws On wrong argument types. {@link TypeError}
 * @throws If the provided output buffer has the wrong size. {@link RangeError}
 * @throws If the provided output buffer has the wrong alignment. {@link Error}
 * @example
 * Reuses a caller-provided output buffer when lengths match.
 *
 * ```ts
 * getOutput(16, new Uint8Array(16));
 * ```
 */
function getOutput(expectedLength, out, onlyAligned = true) {
    if (out === undefined)
        return new Uint8Array(expectedLength);
    // Keep Buffer/cross-realm Uint8Array support here instead of trusting a shape-compatible object.
    utils_abytes(out, expectedLength, 'output');
    if (onlyAligned && !isAligned32(out))
        throw new Error('invalid output, must be aligned');
    return out;
}
/**
 * Encodes data and AAD lengths into a 16-byte buffer.
 * @param dataLength - Data length. Units are caller-defined: GCM passes bit
 * lengths, ChaCha20-Poly1305 passes byte lengths — the helper writes the raw values.
 * @param aadLength - AAD length, same unit convention as `dataLength`.
 * The serialized block is still `aadLength || dataLength`, matching GCM/Poly1305
 * conventions even though the helper parameter order is `(dataLength, aadLength)`.
 * @param isLE - Whether to encode lengths as little-endian.
 * @returns 16-byte length block.
 * @throws On wrong argument types passed to the endian validator. {@link TypeError}
 * @throws On wrong argument ranges or values. {@link RangeError}
 * @example
 * Builds the length block appended by GCM and Poly1305.
 *
 * ```ts
 * u64Lengths(16, 8, true);
 * ```
 */
function u64Lengths(dataLength, aadLength, isLE) {
    // Reject coercible non-number lengths like '10' and true before BigInt(...) accepts them.
    utils_anumber(dataLength);
    utils_anumber(aadLength);
    abool(isLE);
    const num = new Uint8Array(16);
    const view = createView(num);
    view.setBigUint64(0, BigInt(aadLength), isLE);
    view.setBigUint64(8, BigInt(dataLength), isLE);
    return num;
}
/**
 * Checks whether a byte array is aligned to a 4-byte offset.
 * @param bytes - Byte array to inspect.
 * @returns `true` when the view is 4-byte aligned.
 * @example
 * Checks whether a buffer can be safely viewed as Uint32Array.
 *
 * ```ts
 * isAligned32(new Uint8Array(4));
 * ```
 */
function isAligned32(bytes) {
    return bytes.byteOffset % 4 === 0;
}
/**
 * Copies bytes into a new Uint8Array.
 * @param bytes - Bytes to copy.
 * @returns Copied byte array.
 * @throws On wrong argument types. {@link TypeError}
 * @example
 * Copies input into an aligned Uint8Array before block processing.
 *
 * ```ts
 * copyBytes(new Uint8Array([1, 2]));
 * ```
 */
function copyBytes(bytes) {
    // `Uint8Array.from(...)` would also accept arrays / other typed arrays. Keep this helper strict
    // because callers use it at byte-validation boundaries before mutating the detached copy.
    return Uint8Array.from(utils_abytes(bytes));
}
/**
 * Cryptographically secure PRNG backed by `crypto.getRandomValues`.
 * @param bytesLength - number of random bytes to generate
 * @returns Random bytes.
 * The platform `getRandomValues()` implementation still defines any
 * single-call length cap, and this helper rejects oversize requests
 * with a stable library `RangeError` instead of host-specific errors.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On wrong argument ranges or values. {@link RangeError}
 * @throws If the current runtime does not provide `crypto.getRandomValues`. {@link Error}
 * @example
 * Generate a fresh random key or nonce.
 * ```ts
 * const key = randomBytes(16);
 * ```
 */
function utils_randomBytes(bytesLength = 32) {
    // Match the repo's other length-taking helpers instead of relying on Uint8Array coercion.
    utils_anumber(bytesLength, 'bytesLength');
    const cr = typeof globalThis === 'object' ? globalThis.crypto : null;
    if (typeof cr?.getRandomValues !== 'function')
        throw new Error('crypto.getRandomValues must be defined');
    // Web Cryptography API Level 2 §10.1.1:
    // if `byteLength > 65536`, throw `QuotaExceededError`.
    // Keep the guard explicit so callers can see the quota in code
    // instead of discovering it by reading the spec or host errors.
    // This wrapper surfaces the same quota as a stable library RangeError.
    if (bytesLength > 65536)
        throw new RangeError(`"bytesLength" expected <= 65536, got ${bytesLength}`);
    return cr.getRandomValues(new Uint8Array(bytesLength));
}
/**
 * Uses CSPRNG for nonce, nonce injected in ciphertext.
 * For `encrypt`, a `nonceBytes`-length buffer is fetched from CSPRNG and
 * prepended to encrypted ciphertext. For `decrypt`, first `nonceBytes` of ciphertext
 * are treated as nonce. The wrapper always allocates a fresh `nonce || ciphertext`
 * buffer on encrypt and intentionally does not support caller-provided destination buffers.
 * Too-short decrypt inputs are split into short/empty nonce views and then delegated
 * to the wrapped cipher instead of being rejected here first.
 *
 * NOTE: Under the same key, using random nonces (e.g. `managedNonce`) with AES-GCM and ChaCha
 * should be limited to `2**23` (8M) messages to get a collision chance of
 * `2**-50`. Stretching to `2**32` (4B) messages would raise that chance to
 * `2**-33`, still negligible but creeping up.
 * @param fn - Cipher constructor that expects a nonce.
 * @param randomBytes_ - Random-byte source used for nonce generation.
 * @returns Cipher constructor that prepends the nonce to ciphertext.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On invalid nonce lengths observed at wrapper construction or use. {@link RangeError}
 * @example
 * Prepends a fresh random nonce to every ciphertext.
 *
 * ```ts
 * import { gcm } from '@noble/ciphers/aes.js';
 * import { managedNonce, randomBytes } from '@noble/ciphers/utils.js';
 * const wrapped = managedNonce(gcm);
 * const key = randomBytes(16);
 * const ciphertext = wrapped(key).encrypt(new Uint8Array([1, 2, 3]));
 * wrapped(key).decrypt(ciphertext);
 * ```
 */
function managedNonce(fn, randomBytes_ = utils_randomBytes) {
    if (typeof fn !== 'function')
        throw new TypeError('"fn" expected cipher constructor, got type=' + typeof fn);
    if (typeof randomBytes_ !== 'function')
        throw new TypeError('"randomBytes_" expected function, got type=' + typeof randomBytes_);
    const { nonceLength } = fn;
    utils_anumber(nonceLength, 'fn.nonceLength');
    const addNonce = (nonce, ciphertext, plaintext) => {
        const out = concatBytes(nonce, ciphertext);
        // Wrapped ciphers may alias caller plaintext on encrypt(); never zero
        // caller-owned buffers here.
        if (!overlapBytes(plaintext, ciphertext))
            ciphertext.fill(0);
        return out;
    };
    // NOTE: we cannot support DST here, it would be mistake:
    // - we don't know how much dst length cipher requires
    // - nonce may unalign dst and break everything
    // - we create new u8a anyway (concatBytes)
    // - previously we passed all args to cipher, but that was mistake!
    const res = ((key, ...args) => ({
        encrypt(plaintext) {
            utils_abytes(plaintext, undefined, 'data');
            const nonce = randomBytes_(nonceLength);
            const encrypted = fn(key, nonce, ...args).encrypt(plaintext);
            // @ts-ignore
            if (encrypted instanceof Promise)
                return encrypted.then((ct) => addNonce(nonce, ct, plaintext));
            return addNonce(nonce, encrypted, plaintext);
        },
        decrypt(ciphertext) {
            utils_abytes(ciphertext, undefined, 'data');
            const nonce = ciphertext.subarray(0, nonceLength);
            const decrypted = ciphertext.subarray(nonceLength);
            return fn(key, nonce, ...args).decrypt(decrypted);
        },
    }));
    // Auto-nonce wrappers still preserve the wrapped payload geometry.
    if ('blockSize' in fn)
        res.blockSize = fn.blockSize;
    if ('tagLength' in fn)
        res.tagLength = fn.tagLength;
    if ('withAAD' in fn)
        res.withAAD = fn.withAAD;
    return res;
}

;// CONCATENATED MODULE: ../../node_modules/@noble/ciphers/_arx.js
/**
 * Basic utils for ARX (add-rotate-xor) salsa and chacha ciphers.

RFC8439 requires multi-step cipher stream, where
authKey starts with counter: 0, actual msg with counter: 1.

For this, we need a way to re-use nonce / counter:

    const counter = new Uint8Array(4);
    chacha(..., counter, ...); // counter is now 1
    chacha(..., counter, ...); // counter is now 2

This is complicated:

- 32-bit counters are enough, no need for 64-bit: max ArrayBuffer size in JS is 4GB
- Original papers don't allow mutating counters
- Counter overflow is undefined [^1]
- Idea A: allow providing (nonce | counter) instead of just nonce, re-use it
- Caveat: Cannot be re-used through all cases:
- * chacha has (counter | nonce)
- * xchacha has (nonce16 | counter | nonce16)
- Idea B: separate nonce / counter and provide separate API for counter re-use
- Caveat: there are different counter sizes depending on an algorithm.
- salsa & chacha also differ in structures of key & sigma:
  salsa20:      s[0] | k(4) | s[1] | nonce(2) | cnt(2) | s[2] | k(4) | s[3]
  chacha:       s(4) | k(8) | cnt(1) | nonce(3)
  chacha20orig: s(4) | k(8) | cnt(2) | nonce(2)
- Idea C: helper method such as `setSalsaState(key, nonce, sigma, data)`
- Caveat: we can't re-use counter array

xchacha uses the subkey and remaining 8 byte nonce with ChaCha20 as normal
(prefixed by 4 NUL bytes, since RFC8439 specifies a 12-byte nonce).
Counter overflow is undefined; see {@link https://mailarchive.ietf.org/arch/msg/cfrg/gsOnTJzcbgG6OqD8Sc0GO5aR_tU/ | the CFRG thread}.
Current noble policy is strict non-wrap for the shared 32-bit counter path:
exported ARX ciphers reject initial `0xffffffff` and stop before any implicit
wrap back to zero.
See {@link https://datatracker.ietf.org/doc/html/draft-irtf-cfrg-xchacha#appendix-A.2 | the XChaCha appendix} for the extended-nonce construction.

 * @module
 */

// Replaces `TextEncoder` for ASCII literals, which is enough for sigma constants.
// Non-ASCII input would not match UTF-8 `TextEncoder` output.
const encodeStr = (str) => Uint8Array.from(str.split(''), (c) => c.charCodeAt(0));
// Raw `createCipher(...)` exports consume these native-endian `u32(...)` views directly.
// Public `wrapCipher(...)` APIs reject non-little-endian platforms before reaching this path.
// RFC 8439 §2.3 / RFC 7539 §2.3 only define the 256-bit-key constants; this 16-byte sigma is
// kept for legacy allowShortKeys Salsa/ChaCha variants.
const sigma16_32 = /* @__PURE__ */ (() => swap32IfBE(u32(encodeStr('expand 16-byte k'))))();
// RFC 8439 §2.3 / RFC 7539 §2.3 define words 0-3 as
// `0x61707865 0x3320646e 0x79622d32 0x6b206574`, i.e. `expand 32-byte k`.
const sigma32_32 = /* @__PURE__ */ (() => swap32IfBE(u32(encodeStr('expand 32-byte k'))))();
/**
 * Rotates a 32-bit word left.
 * @param a - Input word.
 * @param b - Rotation count in bits.
 * @returns Rotated 32-bit word.
 * @example
 * Moves the top byte of `0x12345678` into the low byte position.
 * ```ts
 * rotl(0x12345678, 8);
 * ```
 */
function rotl(a, b) {
    return (a << b) | (a >>> (32 - b));
}
// Salsa and Chacha block length is always 512-bit
const BLOCK_LEN = 64;
// RFC 8439 §2.2 / RFC 7539 §2.2: the ChaCha state has 16 32-bit words.
const BLOCK_LEN32 = 16;
// Counter policy for the shared public `counter` argument:
// - RFC/IETF ChaCha20 uses a 32-bit counter.
// - OpenSSL/Node `chacha20` instead treat the full 16-byte IV as a 128-bit
//   counter state and carry into the next word.
// - Raw `chacha20orig`, `salsa20`, `xsalsa20`, and `xchacha20` use 64-bit counters in libsodium
//   and libtomcrypt, while some libs (for example libtomcrypt's RFC/IETF path) reject the max
//   boundary instead of carrying.
// - AEAD wrappers diverge too: libsodium `xchacha20poly1305` uses the IETF payload counter from
//   block 1, while `secretstream_xchacha20poly1305` is a different protocol with rekey/reset.
// Noble intentionally throws instead of silently picking one wrap model for users. In the default
// path, even a 32-bit boundary would take 2^32 blocks * 64 bytes = 256 GiB, which is practically
// unreachable for normal JS callers; advanced users who pass `counter` explicitly can implement
// whatever wider carry / wrap policy they need on top.
const MAX_COUNTER = /* @__PURE__ */ (() => 2 ** 32 - 1)();
const U32_EMPTY = /* @__PURE__ */ Uint32Array.of();
function runCipher(core, sigma, key, nonce, data, output, counter, rounds) {
    const len = data.length;
    const block = new Uint8Array(BLOCK_LEN);
    const b32 = u32(block);
    // Make sure that buffers aligned to 4 bytes
    const isAligned = isLE && isAligned32(data) && isAligned32(output);
    const d32 = isAligned ? u32(data) : U32_EMPTY;
    const o32 = isAligned ? u32(output) : U32_EMPTY;
    // RFC 8439 §2.4.1 / RFC 7539 §2.4.1 allow XORing one keystream block at a time and
    // truncating the final partial block instead of materializing the whole keystream.
    if (!isLE) {
        for (let pos = 0; pos < len; counter++) {
            core(sigma, key, nonce, b32, counter, rounds);
            // RFC 8439 §2.4 / RFC 7539 §2.4 serialize keystream words in little-endian order.
            swap32IfBE(b32);
            if (counter >= MAX_COUNTER)
                throw new Error('arx: counter overflow');
            const take = Math.min(BLOCK_LEN, len - pos);
            for (let j = 0, posj; j < take; j++) {
                posj = pos + j;
                output[posj] = data[posj] ^ block[j];
            }
            pos += take;
        }
        return;
    }
    for (let pos = 0; pos < len; counter++) {
        core(sigma, key, nonce, b32, counter, rounds);
        // See MAX_COUNTER policy note above: never silently wrap the shared public counter.
        if (counter >= MAX_COUNTER)
            throw new Error('arx: counter overflow');
        const take = Math.min(BLOCK_LEN, len - pos);
        // aligned to 4 bytes
        if (isAligned && take === BLOCK_LEN) {
            const pos32 = pos / 4;
            if (pos % 4 !== 0)
                throw new Error('arx: invalid block position');
            for (let j = 0, posj; j < BLOCK_LEN32; j++) {
                posj = pos32 + j;
                o32[posj] = d32[posj] ^ b32[j];
            }
            pos += BLOCK_LEN;
            continue;
        }
        for (let j = 0, posj; j < take; j++) {
            posj = pos + j;
            output[posj] = data[posj] ^ block[j];
        }
        pos += take;
    }
}
/**
 * Creates an ARX stream cipher from a 32-bit core permutation.
 * Used internally to build the exported Salsa and ChaCha stream ciphers.
 * @param core - Core function that fills one keystream block.
 * @param opts - Cipher layout and nonce-extension options. See {@link CipherOpts}.
 * @returns Stream cipher function over byte arrays.
 * @throws If the core callback, key size, counter, or output sizing is invalid. {@link Error}
 */
function createCipher(core, opts) {
    const { allowShortKeys, extendNonceFn, counterLength, counterRight, rounds } = checkOpts({ allowShortKeys: false, counterLength: 8, counterRight: false, rounds: 20 }, opts);
    if (typeof core !== 'function')
        throw new Error('core must be a function');
    utils_anumber(counterLength);
    utils_anumber(rounds);
    abool(counterRight);
    abool(allowShortKeys);
    return (key, nonce, data, output, counter = 0) => {
        utils_abytes(key, undefined, 'key');
        utils_abytes(nonce, undefined, 'nonce');
        utils_abytes(data, undefined, 'data');
        const len = data.length;
        // Raw XorStream APIs return ciphertext/plaintext bytes directly, so caller-provided outputs
        // must match the logical result length exactly instead of returning an oversized workspace.
        const hasOutput = output !== undefined;
        output = getOutput(len, output, false);
        if (hasOutput)
            complexOverlapBytes(data, output);
        utils_anumber(counter);
        // See MAX_COUNTER policy note above: reject advanced explicit-counter requests before any wrap.
        if (counter < 0 || counter >= MAX_COUNTER)
            throw new Error('arx: counter overflow');
        const toClean = [];
        // Key & sigma
        // key=16 -> sigma16, k=key|key
        // key=32 -> sigma32, k=key
        let l = key.length;
        let k;
        let sigma;
        if (l === 32) {
            // Copy caller keys too: big-endian normalization, extended-nonce subkey derivation, and
            // final clean(...) all mutate or wipe the temporary buffer in place.
            toClean.push((k = copyBytes(key)));
            sigma = sigma32_32;
        }
        else if (l === 16 && allowShortKeys) {
            k = new Uint8Array(32);
            k.set(key);
            k.set(key, 16);
            sigma = sigma16_32;
            toClean.push(k);
        }
        else {
            utils_abytes(key, 32, 'arx key');
            throw new Error('invalid key size');
            // throw new Error(`"arx key" expected Uint8Array of length 32, got length=${l}`);
        }
        // Nonce
        // salsa20:      8   (8-byte counter)
        // chacha20orig: 8   (8-byte counter)
        // chacha20:     12  (4-byte counter)
        // xsalsa20:     24  (16 -> hsalsa,  8 -> old nonce)
        // xchacha20:    24  (16 -> hchacha, 8 -> old nonce)
        // Copy before taking u32(...) views on misaligned inputs, and on big-endian so later
        // swap32IfBE(...) never mutates caller nonce bytes in place.
        if (!isLE || !isAligned32(nonce))
            toClean.push((nonce = copyBytes(nonce)));
        let k32 = u32(k);
        // hsalsa & hchacha: handle extended nonce
        if (extendNonceFn) {
            if (nonce.length !== 24)
                throw new Error('arx: extended nonce must be 24 bytes');
            const n16 = nonce.subarray(0, 16);
            if (isLE)
                extendNonceFn(sigma, k32, u32(n16), k32);
            else {
                const sigmaRaw = swap32IfBE(Uint32Array.from(sigma));
                extendNonceFn(sigmaRaw, k32, u32(n16), k32);
                clean(sigmaRaw);
                swap32IfBE(k32);
            }
            nonce = nonce.subarray(16);
        }
        else if (!isLE)
            swap32IfBE(k32);
        // Handle nonce counter
        const nonceNcLen = 16 - counterLength;
        if (nonceNcLen !== nonce.length)
            throw new Error(`arx: nonce must be ${nonceNcLen} or 16 bytes`);
        // Normalize 64-bit-nonce layouts to the 12-byte core input: ChaCha/XChaCha prefix 4 zero
        // counter bytes, while Salsa/XSalsa append them after the nonce words.
        if (nonceNcLen !== 12) {
            const nc = new Uint8Array(12);
            nc.set(nonce, counterRight ? 0 : 12 - nonce.length);
            nonce = nc;
            toClean.push(nonce);
        }
        const n32 = swap32IfBE(u32(nonce));
        // Ensure temporary key/nonce copies are wiped even if the remaining
        // runtime guard in runCipher(...) throws on counter overflow.
        try {
            runCipher(core, sigma, k32, n32, data, output, counter, rounds);
            return output;
        }
        finally {
            clean(...toClean);
        }
    };
}
/** Internal class which wraps chacha20 or chacha8 to create CSPRNG. */
class _XorStreamPRG {
    blockLen;
    keyLen;
    nonceLen;
    state;
    buf;
    key;
    nonce;
    pos;
    ctr;
    cipher;
    destroyed = false;
    constructor(cipher, blockLen, keyLen, nonceLen, seed) {
        this.cipher = cipher;
        this.blockLen = blockLen;
        this.keyLen = keyLen;
        this.nonceLen = nonceLen;
        this.state = new Uint8Array(this.keyLen + this.nonceLen);
        this.reseed(seed);
        this.ctr = 0;
        this.pos = this.blockLen;
        this.buf = new Uint8Array(this.blockLen);
        // Keep a single key||nonce backing buffer so reseed/addEntropy/clean update the live cipher
        // inputs in place through these subarray views.
        this.key = this.state.subarray(0, this.keyLen);
        this.nonce = this.state.subarray(this.keyLen);
    }
    reseed(seed) {
        abytes(seed, undefined, 'seed');
        if (!seed || seed.length === 0)
            throw new Error('entropy required');
        // Mix variable-length entropy cyclically across the whole key||nonce state, then restart the
        // keystream so buffered leftovers from the previous state are never reused.
        for (let i = 0; i < seed.length; i++)
            this.state[i % this.state.length] ^= seed[i];
        this.ctr = 0;
        this.pos = this.blockLen;
    }
    addEntropy(seed) {
        if (this.destroyed)
            throw new Error('cannot use destroyed PRG');
        // Reject empty entropy before re-keying, otherwise a throwing call would still advance state.
        abytes(seed, undefined, 'seed');
        if (seed.length === 0)
            throw new Error('entropy required');
        // Re-key from the current stream first, then mix external entropy into the fresh key||nonce
        // state through reseed() so stale buffered bytes are discarded.
        this.state.set(this.randomBytes(this.state.length));
        this.reseed(seed);
    }
    randomBytes(len) {
        if (this.destroyed)
            throw new Error('cannot use destroyed PRG');
        anumber(len);
        if (len === 0)
            return new Uint8Array(0);
        const avail = this.pos < this.blockLen ? this.blockLen - this.pos : 0;
        const blocks = Math.ceil(Math.max(0, len - avail) / this.blockLen);
        // Preflight overflow so failed reads don't partially consume keystream
        // and leave the PRG repeating blocks.
        if (blocks > 0 && this.ctr > MAX_COUNTER - blocks)
            throw new Error('arx: counter overflow');
        const out = new Uint8Array(len);
        let outPos = 0;
        // `out` starts zero-filled, and `buf.fill(0)` below does the same for leftovers: XOR-stream
        // ciphers then emit raw keystream bytes directly into those buffers.
        // Serve buffered leftovers first so split reads stay identical to one larger read.
        if (this.pos < this.blockLen) {
            const take = Math.min(len, this.blockLen - this.pos);
            out.set(this.buf.subarray(this.pos, this.pos + take), 0);
            this.pos += take;
            outPos += take;
            if (outPos === len)
                return out; // fast path
        }
        // Full blocks directly to out
        const full = Math.floor((len - outPos) / this.blockLen);
        if (full > 0) {
            const blockBytes = full * this.blockLen;
            const b = out.subarray(outPos, outPos + blockBytes);
            this.cipher(this.key, this.nonce, b, b, this.ctr);
            this.ctr += full;
            outPos += blockBytes;
        }
        // Save leftovers
        const left = len - outPos;
        if (left > 0) {
            this.buf.fill(0);
            // NOTE: cipher will handle overflow
            this.cipher(this.key, this.nonce, this.buf, this.buf, this.ctr++);
            out.set(this.buf.subarray(0, left), outPos);
            this.pos = left;
        }
        return out;
    }
    // Clone seeds the new instance from this stream, so the source PRG advances too.
    clone() {
        if (this.destroyed)
            throw new Error('cannot use destroyed PRG');
        return new _XorStreamPRG(this.cipher, this.blockLen, this.keyLen, this.nonceLen, this.randomBytes(this.state.length));
    }
    // Zeroes the current state, leftover buffer, and marks the instance destroyed.
    // The instance fails closed: any later randomBytes()/addEntropy()/clone() throws instead
    // of silently continuing from zero key||nonce state (which would yield predictable output).
    clean() {
        this.pos = 0;
        this.ctr = 0;
        this.buf.fill(0);
        this.state.fill(0);
        this.destroyed = true;
    }
}
/**
 * Creates a PRG constructor from a stream cipher.
 * @param cipher - Stream cipher used to fill output blocks.
 * @param blockLen - Keystream block length in bytes.
 * @param keyLen - Internal key length in bytes.
 * @param nonceLen - Internal nonce length in bytes.
 * @returns PRG factory for seeded concrete `_XorStreamPRG` instances.
 * @example
 * Builds a PRG from XChaCha20 and reads bytes from a randomly seeded instance.
 * ```ts
 * import { xchacha20 } from '@noble/ciphers/chacha.js';
 * import { createPRG } from '@noble/ciphers/_arx.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const seed = randomBytes(32);
 * const init = createPRG(xchacha20, 64, 32, 24);
 * const prg = init(seed);
 * prg.randomBytes(8);
 * ```
 */
const createPRG = (cipher, blockLen, keyLen, nonceLen) => {
    return ((seed = randomBytes(32)) => new _XorStreamPRG(cipher, blockLen, keyLen, nonceLen, seed));
};

;// CONCATENATED MODULE: ../../node_modules/@noble/ciphers/_poly1305.js
/**
 * Poly1305 ({@link https://cr.yp.to/mac/poly1305-20050329.pdf | PDF},
 * {@link https://en.wikipedia.org/wiki/Poly1305 | wiki})
 * is a fast and parallel secret-key message-authentication code suitable for
 * a wide variety of applications. It was standardized in
 * {@link https://www.rfc-editor.org/rfc/rfc8439 | RFC 8439} and is now used in TLS 1.3.
 *
 * Polynomial MACs are not perfect for every situation:
 * they lack Random Key Robustness: the MAC can be forged, and can't be used in PAKE schemes.
 * See {@link https://keymaterial.net/2020/09/07/invisible-salamanders-in-aes-gcm-siv/ | the invisible salamanders attack writeup}.
 * To combat invisible salamanders, `hash(key)` can be included in ciphertext,
 * however, this would violate ciphertext indistinguishability:
 * an attacker would know which key was used - so `HKDF(key, i)`
 * could be used instead.
 *
 * Check out the {@link https://cr.yp.to/mac.html | original website}.
 * Based on public-domain {@link https://github.com/floodyberry/poly1305-donna | poly1305-donna}.
 * @module
 */
// prettier-ignore

// A simple-loop reference version (`poly1305_small`) lives in
// `test/misc/micro-ciphers.ts`, provided for auditability.
// Little-endian 2-byte load used by the Poly1305 limb decomposition.
function u8to16(a, i) {
    return (a[i++] & 0xff) | ((a[i++] & 0xff) << 8);
}
/**
 * Incremental Poly1305 MAC state.
 * Prefer `poly1305()` for one-shot use.
 * @param key - 32-byte Poly1305 one-time key.
 * @example
 * Feeds one chunk into an incremental Poly1305 state with a fresh one-time key.
 *
 * ```ts
 * import { Poly1305 } from '@noble/ciphers/_poly1305.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const key = randomBytes(32);
 * const mac = new Poly1305(key);
 * mac.update(new Uint8Array([1, 2, 3]));
 * mac.digest();
 * ```
 */
class Poly1305 {
    blockLen = 16;
    outputLen = 16;
    buffer = new Uint8Array(16);
    r = new Uint16Array(10); // Allocating 1 array with .subarray() here is slower than 3
    h = new Uint16Array(10);
    pad = new Uint16Array(8);
    pos = 0;
    finished = false;
    destroyed = false;
    // Can be speed-up using BigUint64Array, at the cost of complexity
    constructor(key) {
        key = copyBytes(utils_abytes(key, 32, 'key'));
        const t0 = u8to16(key, 0);
        const t1 = u8to16(key, 2);
        const t2 = u8to16(key, 4);
        const t3 = u8to16(key, 6);
        const t4 = u8to16(key, 8);
        const t5 = u8to16(key, 10);
        const t6 = u8to16(key, 12);
        const t7 = u8to16(key, 14);
        // RFC 8439 §2.5.1 / RFC 7539 §2.5.1 clamp r before multiplication.
        // These masks unpack that clamped value into 13-bit limbs, while pad
        // keeps the raw s half for finalize().
        // {@link https://github.com/floodyberry/poly1305-donna/blob/e6ad6e091d30d7f4ec2d4f978be1fcfcbce72781/poly1305-donna-16.h#L47 | poly1305-donna reference}
        this.r[0] = t0 & 0x1fff;
        this.r[1] = ((t0 >>> 13) | (t1 << 3)) & 0x1fff;
        this.r[2] = ((t1 >>> 10) | (t2 << 6)) & 0x1f03;
        this.r[3] = ((t2 >>> 7) | (t3 << 9)) & 0x1fff;
        this.r[4] = ((t3 >>> 4) | (t4 << 12)) & 0x00ff;
        this.r[5] = (t4 >>> 1) & 0x1ffe;
        this.r[6] = ((t4 >>> 14) | (t5 << 2)) & 0x1fff;
        this.r[7] = ((t5 >>> 11) | (t6 << 5)) & 0x1f81;
        this.r[8] = ((t6 >>> 8) | (t7 << 8)) & 0x1fff;
        this.r[9] = (t7 >>> 5) & 0x007f;
        for (let i = 0; i < 8; i++)
            this.pad[i] = u8to16(key, 16 + 2 * i);
    }
    process(data, offset, isLast = false) {
        // RFC 8439 §2.5 / §2.5.1 and RFC 7539 §2.5 / §2.5.1 add an extra high
        // bit to every full 16-byte block. The final partial block gets its
        // explicit `1` byte during digestInto(), so `hibit` stays zero there.
        const hibit = isLast ? 0 : 1 << 11;
        const { h, r } = this;
        const r0 = r[0];
        const r1 = r[1];
        const r2 = r[2];
        const r3 = r[3];
        const r4 = r[4];
        const r5 = r[5];
        const r6 = r[6];
        const r7 = r[7];
        const r8 = r[8];
        const r9 = r[9];
        const t0 = u8to16(data, offset + 0);
        const t1 = u8to16(data, offset + 2);
        const t2 = u8to16(data, offset + 4);
        const t3 = u8to16(data, offset + 6);
        const t4 = u8to16(data, offset + 8);
        const t5 = u8to16(data, offset + 10);
        const t6 = u8to16(data, offset + 12);
        const t7 = u8to16(data, offset + 14);
        let h0 = h[0] + (t0 & 0x1fff);
        let h1 = h[1] + (((t0 >>> 13) | (t1 << 3)) & 0x1fff);
        let h2 = h[2] + (((t1 >>> 10) | (t2 << 6)) & 0x1fff);
        let h3 = h[3] + (((t2 >>> 7) | (t3 << 9)) & 0x1fff);
        let h4 = h[4] + (((t3 >>> 4) | (t4 << 12)) & 0x1fff);
        let h5 = h[5] + ((t4 >>> 1) & 0x1fff);
        let h6 = h[6] + (((t4 >>> 14) | (t5 << 2)) & 0x1fff);
        let h7 = h[7] + (((t5 >>> 11) | (t6 << 5)) & 0x1fff);
        let h8 = h[8] + (((t6 >>> 8) | (t7 << 8)) & 0x1fff);
        let h9 = h[9] + ((t7 >>> 5) | hibit);
        let c = 0;
        let d0 = c + h0 * r0 + h1 * (5 * r9) + h2 * (5 * r8) + h3 * (5 * r7) + h4 * (5 * r6);
        c = d0 >>> 13;
        d0 &= 0x1fff;
        d0 += h5 * (5 * r5) + h6 * (5 * r4) + h7 * (5 * r3) + h8 * (5 * r2) + h9 * (5 * r1);
        c += d0 >>> 13;
        d0 &= 0x1fff;
        let d1 = c + h0 * r1 + h1 * r0 + h2 * (5 * r9) + h3 * (5 * r8) + h4 * (5 * r7);
        c = d1 >>> 13;
        d1 &= 0x1fff;
        d1 += h5 * (5 * r6) + h6 * (5 * r5) + h7 * (5 * r4) + h8 * (5 * r3) + h9 * (5 * r2);
        c += d1 >>> 13;
        d1 &= 0x1fff;
        let d2 = c + h0 * r2 + h1 * r1 + h2 * r0 + h3 * (5 * r9) + h4 * (5 * r8);
        c = d2 >>> 13;
        d2 &= 0x1fff;
        d2 += h5 * (5 * r7) + h6 * (5 * r6) + h7 * (5 * r5) + h8 * (5 * r4) + h9 * (5 * r3);
        c += d2 >>> 13;
        d2 &= 0x1fff;
        let d3 = c + h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * (5 * r9);
        c = d3 >>> 13;
        d3 &= 0x1fff;
        d3 += h5 * (5 * r8) + h6 * (5 * r7) + h7 * (5 * r6) + h8 * (5 * r5) + h9 * (5 * r4);
        c += d3 >>> 13;
        d3 &= 0x1fff;
        let d4 = c + h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;
        c = d4 >>> 13;
        d4 &= 0x1fff;
        d4 += h5 * (5 * r9) + h6 * (5 * r8) + h7 * (5 * r7) + h8 * (5 * r6) + h9 * (5 * r5);
        c += d4 >>> 13;
        d4 &= 0x1fff;
        let d5 = c + h0 * r5 + h1 * r4 + h2 * r3 + h3 * r2 + h4 * r1;
        c = d5 >>> 13;
        d5 &= 0x1fff;
        d5 += h5 * r0 + h6 * (5 * r9) + h7 * (5 * r8) + h8 * (5 * r7) + h9 * (5 * r6);
        c += d5 >>> 13;
        d5 &= 0x1fff;
        let d6 = c + h0 * r6 + h1 * r5 + h2 * r4 + h3 * r3 + h4 * r2;
        c = d6 >>> 13;
        d6 &= 0x1fff;
        d6 += h5 * r1 + h6 * r0 + h7 * (5 * r9) + h8 * (5 * r8) + h9 * (5 * r7);
        c += d6 >>> 13;
        d6 &= 0x1fff;
        let d7 = c + h0 * r7 + h1 * r6 + h2 * r5 + h3 * r4 + h4 * r3;
        c = d7 >>> 13;
        d7 &= 0x1fff;
        d7 += h5 * r2 + h6 * r1 + h7 * r0 + h8 * (5 * r9) + h9 * (5 * r8);
        c += d7 >>> 13;
        d7 &= 0x1fff;
        let d8 = c + h0 * r8 + h1 * r7 + h2 * r6 + h3 * r5 + h4 * r4;
        c = d8 >>> 13;
        d8 &= 0x1fff;
        d8 += h5 * r3 + h6 * r2 + h7 * r1 + h8 * r0 + h9 * (5 * r9);
        c += d8 >>> 13;
        d8 &= 0x1fff;
        let d9 = c + h0 * r9 + h1 * r8 + h2 * r7 + h3 * r6 + h4 * r5;
        c = d9 >>> 13;
        d9 &= 0x1fff;
        d9 += h5 * r4 + h6 * r3 + h7 * r2 + h8 * r1 + h9 * r0;
        c += d9 >>> 13;
        d9 &= 0x1fff;
        c = ((c << 2) + c) | 0;
        c = (c + d0) | 0;
        d0 = c & 0x1fff;
        c = c >>> 13;
        d1 += c;
        h[0] = d0;
        h[1] = d1;
        h[2] = d2;
        h[3] = d3;
        h[4] = d4;
        h[5] = d5;
        h[6] = d6;
        h[7] = d7;
        h[8] = d8;
        h[9] = d9;
    }
    finalize() {
        const { h, pad } = this;
        const g = new Uint16Array(10);
        let c = h[1] >>> 13;
        h[1] &= 0x1fff;
        for (let i = 2; i < 10; i++) {
            h[i] += c;
            c = h[i] >>> 13;
            h[i] &= 0x1fff;
        }
        h[0] += c * 5;
        c = h[0] >>> 13;
        h[0] &= 0x1fff;
        h[1] += c;
        c = h[1] >>> 13;
        h[1] &= 0x1fff;
        h[2] += c;
        // RFC 8439 §2.5 / RFC 7539 §2.5 reduce modulo 2^130-5 before repacking
        // to 16-bit words and adding the raw s half.
        g[0] = h[0] + 5;
        c = g[0] >>> 13;
        g[0] &= 0x1fff;
        for (let i = 1; i < 10; i++) {
            g[i] = h[i] + c;
            c = g[i] >>> 13;
            g[i] &= 0x1fff;
        }
        g[9] -= 1 << 13;
        let mask = (c ^ 1) - 1;
        for (let i = 0; i < 10; i++)
            g[i] &= mask;
        mask = ~mask;
        for (let i = 0; i < 10; i++)
            h[i] = (h[i] & mask) | g[i];
        h[0] = (h[0] | (h[1] << 13)) & 0xffff;
        h[1] = ((h[1] >>> 3) | (h[2] << 10)) & 0xffff;
        h[2] = ((h[2] >>> 6) | (h[3] << 7)) & 0xffff;
        h[3] = ((h[3] >>> 9) | (h[4] << 4)) & 0xffff;
        h[4] = ((h[4] >>> 12) | (h[5] << 1) | (h[6] << 14)) & 0xffff;
        h[5] = ((h[6] >>> 2) | (h[7] << 11)) & 0xffff;
        h[6] = ((h[7] >>> 5) | (h[8] << 8)) & 0xffff;
        h[7] = ((h[8] >>> 8) | (h[9] << 5)) & 0xffff;
        let f = h[0] + pad[0];
        h[0] = f & 0xffff;
        for (let i = 1; i < 8; i++) {
            f = (((h[i] + pad[i]) | 0) + (f >>> 16)) | 0;
            h[i] = f & 0xffff;
        }
        clean(g);
    }
    update(data) {
        aexists(this);
        utils_abytes(data);
        data = copyBytes(data);
        const { buffer, blockLen } = this;
        const len = data.length;
        for (let pos = 0; pos < len;) {
            const take = Math.min(blockLen - this.pos, len - pos);
            // Fast path: we have at least one block in input
            if (take === blockLen) {
                for (; blockLen <= len - pos; pos += blockLen)
                    this.process(data, pos);
                continue;
            }
            buffer.set(data.subarray(pos, pos + take), this.pos);
            this.pos += take;
            pos += take;
            if (this.pos === blockLen) {
                this.process(buffer, 0, false);
                this.pos = 0;
            }
        }
        return this;
    }
    destroy() {
        // `aexists(this)` guards update/digest paths, so destroy must mark the instance unusable too.
        this.destroyed = true;
        clean(this.h, this.r, this.buffer, this.pad);
    }
    digestInto(out) {
        aexists(this);
        aoutput(out, this);
        this.finished = true;
        const { buffer, h } = this;
        let { pos } = this;
        if (pos) {
            // RFC 8439 §2.5 / RFC 7539 §2.5: the final short block appends a
            // single `0x01` byte and zero-fills the remaining bytes before the
            // last multiplication step.
            buffer[pos++] = 1;
            for (; pos < 16; pos++)
                buffer[pos] = 0;
            this.process(buffer, 0, true);
        }
        this.finalize();
        let opos = 0;
        for (let i = 0; i < 8; i++) {
            out[opos++] = h[i] >>> 0;
            out[opos++] = h[i] >>> 8;
        }
    }
    digest() {
        const { buffer, outputLen } = this;
        this.digestInto(buffer);
        // Copy out before destroy() zeroes the internal buffer.
        const res = buffer.slice(0, outputLen);
        this.destroy();
        return res;
    }
}
/**
 * Poly1305 MAC from RFC 8439.
 * @param msg - Message bytes to authenticate.
 * @param key - 32-byte Poly1305 one-time key.
 * @returns 16-byte authentication tag.
 * @example
 * Authenticates one message with a one-shot Poly1305 call and a fresh key.
 *
 * ```ts
 * import { poly1305 } from '@noble/ciphers/_poly1305.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const key = randomBytes(32);
 * poly1305(new Uint8Array(), key);
 * ```
 */
const poly1305 = /* @__PURE__ */ wrapMacConstructor(32, (key) => new Poly1305(key));

;// CONCATENATED MODULE: ../../node_modules/@noble/ciphers/salsa.js
/**
 * Salsa20 stream cipher, released in 2005.
 * Salsa's goal was to implement AES replacement that does not rely on S-Boxes,
 * which are hard to implement in a constant-time manner.
 * Salsa20 is usually faster than AES, a big deal on slow, budget mobile phones.
 *
 * - {@link https://cr.yp.to/snuffle/xsalsa-20110204.pdf | XSalsa20},
 *   extended-nonce
 *   variant was released in 2008. It extends Salsa20's 64-bit nonce to 192 bits,
 *   and became safe to be picked at random.
 * - Nacl / Libsodium popularized term "secretbox", - which is just xsalsa20poly1305.
 *   We provide the alias and corresponding seal / open methods.
 *   "crypto_box" and "sealedbox" are available in package
 *   {@link https://github.com/serenity-kit/noble-sodium | noble-sodium}.
 * - Check out
 *   {@link https://cr.yp.to/snuffle/salsafamily-20071225.pdf | PDF}
 *   and {@link https://cr.yp.to/snuffle.html | website}.
 * @module
 */



/**
 * Salsa20 core function. Uses an unrolled loop (salsaCore, hsalsa) - 4x
 * faster than a simple loop, but larger & harder to read. A simple-loop
 * reference version lives in `test/misc/micro-ciphers.ts`;
 * `test/arx.test.ts` keeps the two aligned.
 * The specific implementation is selected in `createCipher` below.
 * Performance numbers for 1MB inputs:
 * * default x 779 ops/sec @ 1ms/op
 * * if salsa+hsalsa are merged x 459 ops/sec @ 2ms/op
 * * small x 132 ops/sec @ 7ms/op
 */
/** Uses only the low 32 bits of Salsa20's 64-bit counter state. */
// prettier-ignore
function salsaCore(s, k, n, out, cnt, rounds = 20, cntHi = 0) {
    // Public wrappers expose only the low 32 bits of Salsa20's 64-bit counter; y09 stays zero
    // there. hsalsa reuses this core with its input words 2-3 in the counter positions.
    // Based on {@link https://cr.yp.to/salsa20.html | the Salsa20 reference page}.
    let y00 = s[0], y01 = k[0], y02 = k[1], y03 = k[2], // "expa" Key     Key     Key
    y04 = k[3], y05 = s[1], y06 = n[0], y07 = n[1], // Key    "nd 3"  Nonce   Nonce
    y08 = cnt, y09 = cntHi, y10 = s[2], y11 = k[4], // Pos.   Pos.    "2-by"	Key
    y12 = k[5], y13 = k[6], y14 = k[7], y15 = s[3]; // Key    Key     Key     "te k"
    // Save state to temporary variables
    let x00 = y00, x01 = y01, x02 = y02, x03 = y03, x04 = y04, x05 = y05, x06 = y06, x07 = y07, x08 = y08, x09 = y09, x10 = y10, x11 = y11, x12 = y12, x13 = y13, x14 = y14, x15 = y15;
    for (let r = 0; r < rounds; r += 2) {
        x04 ^= rotl(x00 + x12 | 0, 7);
        x08 ^= rotl(x04 + x00 | 0, 9);
        x12 ^= rotl(x08 + x04 | 0, 13);
        x00 ^= rotl(x12 + x08 | 0, 18);
        x09 ^= rotl(x05 + x01 | 0, 7);
        x13 ^= rotl(x09 + x05 | 0, 9);
        x01 ^= rotl(x13 + x09 | 0, 13);
        x05 ^= rotl(x01 + x13 | 0, 18);
        x14 ^= rotl(x10 + x06 | 0, 7);
        x02 ^= rotl(x14 + x10 | 0, 9);
        x06 ^= rotl(x02 + x14 | 0, 13);
        x10 ^= rotl(x06 + x02 | 0, 18);
        x03 ^= rotl(x15 + x11 | 0, 7);
        x07 ^= rotl(x03 + x15 | 0, 9);
        x11 ^= rotl(x07 + x03 | 0, 13);
        x15 ^= rotl(x11 + x07 | 0, 18);
        x01 ^= rotl(x00 + x03 | 0, 7);
        x02 ^= rotl(x01 + x00 | 0, 9);
        x03 ^= rotl(x02 + x01 | 0, 13);
        x00 ^= rotl(x03 + x02 | 0, 18);
        x06 ^= rotl(x05 + x04 | 0, 7);
        x07 ^= rotl(x06 + x05 | 0, 9);
        x04 ^= rotl(x07 + x06 | 0, 13);
        x05 ^= rotl(x04 + x07 | 0, 18);
        x11 ^= rotl(x10 + x09 | 0, 7);
        x08 ^= rotl(x11 + x10 | 0, 9);
        x09 ^= rotl(x08 + x11 | 0, 13);
        x10 ^= rotl(x09 + x08 | 0, 18);
        x12 ^= rotl(x15 + x14 | 0, 7);
        x13 ^= rotl(x12 + x15 | 0, 9);
        x14 ^= rotl(x13 + x12 | 0, 13);
        x15 ^= rotl(x14 + x13 | 0, 18);
    }
    // Write output
    let oi = 0;
    out[oi++] = (y00 + x00) | 0;
    out[oi++] = (y01 + x01) | 0;
    out[oi++] = (y02 + x02) | 0;
    out[oi++] = (y03 + x03) | 0;
    out[oi++] = (y04 + x04) | 0;
    out[oi++] = (y05 + x05) | 0;
    out[oi++] = (y06 + x06) | 0;
    out[oi++] = (y07 + x07) | 0;
    out[oi++] = (y08 + x08) | 0;
    out[oi++] = (y09 + x09) | 0;
    out[oi++] = (y10 + x10) | 0;
    out[oi++] = (y11 + x11) | 0;
    out[oi++] = (y12 + x12) | 0;
    out[oi++] = (y13 + x13) | 0;
    out[oi++] = (y14 + x14) | 0;
    out[oi++] = (y15 + x15) | 0;
}
/**
 * hsalsa hashes key and nonce-prefix words into the 32-byte subkey used by XSalsa20.
 * Algorithmically identical to `hsalsa_small` from `test/misc/micro-ciphers.ts`,
 * but this exported path normalizes word order on big-endian hosts.
 * Reuses `salsaCore` and subtracts its feed-forward, keeping the hot per-block
 * path untouched.
 * @param s - Sigma constants as 32-bit words.
 * @param k - Key words.
 * @param i - Nonce-prefix words.
 * @param out - Output buffer for the derived subkey.
 * @example
 * Derives the XSalsa20 subkey from sigma, key, and nonce-prefix words.
 *
 * ```ts
 * const sigma = new Uint32Array(4);
 * const key = new Uint32Array(8);
 * const nonce = new Uint32Array(4);
 * const out = new Uint32Array(8);
 * hsalsa(sigma, key, nonce, out);
 * ```
 */
// prettier-ignore
function hsalsa(s, k, i, out) {
    // Runs the shared salsaCore permutation, then subtracts the feed-forward it applies,
    // recovering the raw permutation words hsalsa needs.
    // LE hosts read the caller arrays in place (no copies); BE hosts get
    // byte-swapped scratch copies, wiped before returning.
    const s2 = isLE ? s : swap32IfBE(s.slice(0, 4));
    const k2 = isLE ? k : swap32IfBE(k.slice(0, 8));
    const i2 = isLE ? i : swap32IfBE(i.slice(0, 4));
    const t = new Uint32Array(16);
    salsaCore(s2, k2, i2.subarray(0, 2), t, i2[2], 20, i2[3]);
    let oi = 0;
    // XSalsa20 takes words 0,5,10,15 and 6,7,8,9 as the 32-byte subkey material.
    out[oi++] = (t[0] - s2[0]) | 0;
    out[oi++] = (t[5] - s2[1]) | 0;
    out[oi++] = (t[10] - s2[2]) | 0;
    out[oi++] = (t[15] - s2[3]) | 0;
    out[oi++] = (t[6] - i2[0]) | 0;
    out[oi++] = (t[7] - i2[1]) | 0;
    out[oi++] = (t[8] - i2[2]) | 0;
    out[oi++] = (t[9] - i2[3]) | 0;
    swap32IfBE(out);
    if (!isLE)
        clean(s2, k2, i2);
    clean(t);
}
/**
 * Salsa20 from original paper. 8-byte nonce.
 * With smaller nonce, it's not safe to make it random (CSPRNG), due to collision chance.
 * @param key - 16-byte or 32-byte key.
 * @param nonce - 8-byte nonce.
 * @param data - Input bytes to xor with the keystream.
 * @param output - Optional destination buffer.
 * @param counter - Initial block counter.
 * Only the low 32 bits of Salsa20's 64-bit counter state are exposed here;
 * the high word stays zero and the implementation still caps the public
 * value to 32 bits.
 * @returns Encrypted or decrypted bytes.
 * @example
 * Encrypts bytes with the original 8-byte-nonce Salsa20 stream cipher.
 *
 * ```ts
 * import { salsa20 } from '@noble/ciphers/salsa.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const key = randomBytes(32);
 * const nonce = randomBytes(8);
 * salsa20(key, nonce, new Uint8Array([1, 2, 3, 4]));
 * ```
 */
const salsa20 = /* @__PURE__ */ createCipher(salsaCore, {
    allowShortKeys: true,
    counterRight: true,
});
/**
 * XSalsa20 extended-nonce salsa.
 * With 24-byte nonce, it's safe to make it random (CSPRNG).
 * @param key - 32-byte key.
 * This XSalsa20 wrapper does not enable Salsa20's 16-byte legacy key mode.
 * @param nonce - 24-byte nonce.
 * @param data - Input bytes to xor with the keystream.
 * @param output - Optional destination buffer.
 * @param counter - Initial block counter.
 * @returns Encrypted or decrypted bytes.
 * @example
 * Encrypts bytes with XSalsa20 and a random 24-byte nonce.
 *
 * ```ts
 * import { xsalsa20 } from '@noble/ciphers/salsa.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const key = randomBytes(32);
 * const nonce = randomBytes(24);
 * xsalsa20(key, nonce, new Uint8Array([1, 2, 3, 4]));
 * ```
 */
const xsalsa20 = /* @__PURE__ */ createCipher(salsaCore, {
    counterRight: true,
    extendNonceFn: hsalsa,
});
// Test-only hook: exposes the unrolled production core so tests can compare it
// with the simple/reference core from `test/misc/micro-ciphers.ts`.
const __TESTS = /* @__PURE__ */ Object.freeze({ salsaCore });
/**
 * xsalsa20-poly1305 eXtended-nonce (24 bytes) salsa.
 * With 24-byte nonce, it's safe to make it random (CSPRNG).
 * Also known as `secretbox` from libsodium / nacl.
 * No AAD input is supported here. Caller-provided `output` buffers for
 * `encrypt()` / `decrypt()` must be `input.length + 32` bytes because the
 * implementation uses a 32-byte leading scratch area before returning `+16`.
 * @param key - 32-byte key.
 * @param nonce - 24-byte nonce.
 * @param AAD - Must be omitted; XSalsa20-Poly1305 secretbox does not support associated data.
 * @returns AEAD cipher instance.
 * @example
 * Encrypts and authenticates plaintext with XSalsa20-Poly1305.
 *
 * ```ts
 * import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const key = randomBytes(32);
 * const nonce = randomBytes(24);
 * const cipher = xsalsa20poly1305(key, nonce);
 * cipher.encrypt(new Uint8Array([1, 2, 3]));
 * ```
 */
const xsalsa20poly1305 = /* @__PURE__ */ wrapCipher({ blockSize: 64, nonceLength: 24, tagLength: 16 }, (key, nonce) => {
    // This borrows caller key/nonce buffers by reference; mutating them after construction changes
    // later encrypt/decrypt outputs.
    return {
        encrypt(plaintext, output) {
            // xsalsa20poly1305 optimizes by calculating auth key during the same call as encryption.
            // Unfortunately, makes it hard to separate tag calculation & encryption itself,
            // because 32 bytes is half-block of 64-byte salsa.
            // Need 32 extra bytes up front for the auth-key scratch area described above.
            output = getOutput(plaintext.length + 32, output, false);
            // output[0..32] = Poly1305 auth key, output[32..] = plaintext then ciphertext.
            const authKey = output.subarray(0, 32);
            const ciphPlaintext = output.subarray(32);
            output.set(plaintext, 32);
            // authKey is produced by xoring the first 32 bytes with zeros.
            clean(authKey);
            // output = stream ^ output; authKey = stream ^ zeros(32)
            xsalsa20(key, nonce, output, output);
            const tag = poly1305(ciphPlaintext, authKey);
            output.set(tag, 16);
            // Clean up auth-key remnants and the temporary tag copy.
            clean(output.subarray(0, 16), tag);
            // Return output[16..].
            return output.subarray(16);
        },
        decrypt(ciphertext, output) {
            // tmp part     passed tag    ciphertext
            // [0..32]      [32..48]      [48..]
            // Authenticate the ciphertext before decrypting it; on tag failure the scratch/output
            // buffer may already contain copied ciphertext and derived auth-key material.
            utils_abytes(ciphertext, undefined, 'data');
            output = getOutput(ciphertext.length + 32, output, false);
            // output[0..32] is auth-key scratch, output[32..48] is passed tag,
            // output[48..] is ciphertext then plaintext.
            const tmp = output.subarray(0, 32);
            const passedTag = output.subarray(32, 48);
            const ciphPlaintext = output.subarray(48);
            output.set(ciphertext, 32);
            // authKey is produced by xoring the scratch area with zeros.
            clean(tmp);
            const authKey = xsalsa20(key, nonce, tmp, tmp);
            const tag = poly1305(ciphPlaintext, authKey);
            if (!equalBytes(passedTag, tag)) {
                clean(output);
                throw new Error('invalid tag');
            }
            // output = stream ^ output[16..]
            xsalsa20(key, nonce, output.subarray(16), output.subarray(16));
            clean(tmp, passedTag, tag);
            // Return output[48..], skipping zeroized output[0..48].
            return ciphPlaintext;
        },
    };
});
/**
 * Alias to `xsalsa20poly1305`, for compatibility with libsodium / nacl.
 * Check out {@link https://github.com/serenity-kit/noble-sodium | noble-sodium}
 * for `crypto_box`.
 * @param key - 32-byte key.
 * @param nonce - 24-byte nonce.
 * @returns Wrapper with `seal()` and `open()` helpers.
 * @example
 * Uses the libsodium-style `seal()` and `open()` wrapper.
 *
 * ```ts
 * import { secretbox } from '@noble/ciphers/salsa.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const key = randomBytes(32);
 * const nonce = randomBytes(24);
 * const box = secretbox(key, nonce);
 * box.seal(new Uint8Array([1, 2, 3]));
 * ```
 */
function secretbox(key, nonce) {
    const xs = xsalsa20poly1305(key, nonce);
    return { seal: xs.encrypt, open: xs.decrypt };
}

;// CONCATENATED MODULE: ../../packages/core/src/sign/keys.ts


class KeyError extends Error {
    constructor(message) {
        super(message);
        this.name = 'KeyError';
    }
}
function pemBody(pem, label) {
    const match = new RegExp(`-----BEGIN ${label.source}-----([\\s\\S]*?)-----END ${label.source}-----`).exec(pem);
    return match ? Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64') : undefined;
}
function decryptCosignKey(sealed, password) {
    let key;
    try {
        key = JSON.parse(sealed.toString('utf8'));
    }
    catch {
        throw new KeyError('the encrypted cosign key is not valid');
    }
    if (key.kdf?.name !== 'scrypt' || key.cipher?.name !== 'nacl/secretbox')
        throw new KeyError(`unsupported cosign key encryption ${key.kdf?.name}/${key.cipher?.name}`);
    const { N, r, p } = key.kdf.params;
    const secret = (0,external_node_crypto_.scryptSync)(password, Buffer.from(key.kdf.salt, 'base64'), 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
    let plain;
    try {
        plain = xsalsa20poly1305(secret, Buffer.from(key.cipher.nonce, 'base64')).decrypt(Buffer.from(key.ciphertext, 'base64'));
    }
    catch {
        throw new KeyError('wrong password for the encrypted cosign key');
    }
    return (0,external_node_crypto_.createPrivateKey)({ key: Buffer.from(plain), format: 'der', type: 'pkcs8' });
}
/**
 * Reads an ECDSA P-256 private key: PKCS#8 or SEC1 PEM, password-protected PKCS#8, or cosign's encrypted
 * `cosign.key` (`ENCRYPTED SIGSTORE/COSIGN PRIVATE KEY`) with its password.
 */
function loadPrivateKey(pem, password = '') {
    const sealed = pemBody(pem, /ENCRYPTED (?:SIGSTORE|COSIGN) PRIVATE KEY/);
    let key;
    if (sealed) {
        key = decryptCosignKey(sealed, password);
    }
    else {
        try {
            key = (0,external_node_crypto_.createPrivateKey)({ key: pem, format: 'pem', passphrase: password || undefined });
        }
        catch (err) {
            const message = err.message;
            // OpenSSL 3 reports a missing password as "interrupted or cancelled", and a wrong one that decrypts to garbage
            // with valid CBC padding (about 1 in 256) as an undecodable key: for an encrypted PEM, any failure is the password's.
            const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem);
            if (encrypted || /passphrase|decrypt|bad decrypt/i.test(message))
                throw new KeyError(password ? 'wrong password for the private key' : 'the private key is encrypted; give its password');
            throw new KeyError('the signing key is not a PEM private key (PKCS#8, SEC1 or cosign.key)');
        }
    }
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
        throw new KeyError(`the signing key must be ECDSA P-256 (got ${key.asymmetricKeyType}${key.asymmetricKeyDetails?.namedCurve ? ` ${key.asymmetricKeyDetails.namedCurve}` : ''})`);
    }
    return key;
}
/** Reads a public key (PKIX PEM, as in cosign.pub), or derives it from a private key. */
function loadPublicKey(pem) {
    try {
        return (0,external_node_crypto_.createPublicKey)({ key: pem, format: 'pem' });
    }
    catch {
        throw new KeyError('the verification key is not a PEM public key (e.g. cosign.pub)');
    }
}
function publicKeyPem(key) {
    return (key.type === 'private' ? (0,external_node_crypto_.createPublicKey)(key) : key).export({ format: 'pem', type: 'spki' }).toString();
}
/** A stable key id for bundles' public-key hint: hex sha256 of the DER SubjectPublicKeyInfo. */
function keyId(key) {
    const der = (key.type === 'private' ? (0,external_node_crypto_.createPublicKey)(key) : key).export({ format: 'der', type: 'spki' });
    return (0,external_node_crypto_.createHash)('sha256').update(der).digest('hex');
}


/***/ }),

/***/ 995:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  B1: () => (/* binding */ NotationError),
  YR: () => (/* binding */ createNotationKeySigner),
  v$: () => (/* binding */ isNotationKeySpec),
  pM: () => (/* binding */ notationAlgorithms),
  HZ: () => (/* binding */ parseNotationCertificate),
  Wx: () => (/* binding */ signNotation)
});

// UNUSED EXPORTS: NotationAnnotation, NotationHeader, NotationMediaType, createNotationEnvelope, decodeNotationProtectedHeader, notationAlgorithmForJws, notationCertificateChainProblem, notationEnvelopeSignatureProblem, notationKeySpecOf, notationLeafCertificateProblem, notationPayload, notationRfc1123z, notationSignWithKey, notationSignatureAnnotations, notationSigningTimeProblem, notationThumbprints, parseNotationCertificates, parseNotationEnvelope, parseNotationPayload, splitNotationCertificates, verifyNotationJwsSignature

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __nccwpck_require__(8613);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var descriptor = __nccwpck_require__(7796);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var content = __nccwpck_require__(3632);
// EXTERNAL MODULE: ../../packages/core/src/oci/attach.ts
var attach = __nccwpck_require__(9400);
;// CONCATENATED MODULE: ../../packages/core/src/sign/notation-manifest.ts
// The Notary Project signature manifest exactly as the released notation writes it, for registries and OCI image
// layouts alike. notation-go v1.3.2 (the library in Flux 2.6–2.9 and in the notation 1.3.x CLI) pushes every
// signature through registry/repository.go uploadSignatureManifest: oras.PackManifest(PackManifestVersion1_1,
// artifactType "", ConfigDescriptor = notationEmptyConfigDesc), i.e. an image manifest with NO artifactType and
// the config `{"mediaType":"application/vnd.cncf.notary.signature","digest":<sha256 of "{}">,"size":2}`
// (oras-go v2.5.0 pack.go packManifestV1_1 accepts an empty artifactType because that config is not the empty type).
//
// The config media type is what matters: on an OCI layout, notation-go v1.3.2 lists signatures with
// registry/repository.go signatureReferrers, which walks the store's predecessors and keeps an image manifest only
// when `image.Config.MediaType == "application/vnd.cncf.notary.signature"`; the OCI 1.1 form (artifactType set,
// empty config) is invisible there (fixed on notation-go main, unreleased). Registries see the same artifact type:
// the referrers API and oras-go's tag-schema fallback (registry/remote/repository.go indexReferrersForPush) both
// report `artifactType`, else `config.mediaType`, which d2ci's own listings do too (oci/descriptor.ts artifactTypeOf).




/** The signature manifest's config and effective artifact type (notation-go registry.ArtifactTypeNotation). */
const notationSignatureType = 'application/vnd.cncf.notary.signature';
/** notation-go's notationEmptyConfigDesc: the `{}` blob under the signature media type. */
const notationConfigDescriptor = (0,descriptor/* descriptorFor */.RZ)(notationSignatureType, media_types/* emptyJson */.Gu);
/** The signature manifest bytes and descriptor, in notation-go v1.3.2's form (see the top of this file). */
function notationSignatureManifest(subject, options) {
    const layer = (0,descriptor/* descriptorFor */.RZ)(options.envelopeMediaType, options.envelope);
    const manifest = {
        schemaVersion: 2,
        mediaType: media_types/* MediaType */.zu.ociManifest,
        config: (0,descriptor/* plainDescriptor */.UM)(notationConfigDescriptor),
        layers: [(0,descriptor/* plainDescriptor */.UM)(layer)],
        subject: (0,descriptor/* plainDescriptor */.UM)({ mediaType: subject.mediaType, digest: subject.digest, size: subject.size }),
    };
    if (Object.keys(options.annotations).length)
        manifest.annotations = (0,descriptor/* sortedAnnotations */.sk)(options.annotations);
    const bytes = Buffer.from(JSON.stringify(manifest));
    // The type listings show for it (artifactType absent, so the config's), as d2ci's referrers listings report it.
    return { bytes, descriptor: (0,descriptor/* descriptorFor */.RZ)(media_types/* MediaType */.zu.ociManifest, bytes, { artifactType: notationSignatureType }), layer };
}
/**
 * Stores the envelope and its signature manifest as a referrer of `subject`: config and envelope blobs first, then
 * the manifest by digest. A registry without the referrers API gets the `sha256-<hex>` tag-schema index, whose entry
 * carries the config media type as artifactType (RemoteRepository, like oras-go), so notation and Flux find it.
 */
async function attachNotationSignature(target, subject, options) {
    const { bytes, descriptor, layer } = notationSignatureManifest(subject, options);
    await Promise.all([(0,attach/* pushIfMissing */._)(target, notationConfigDescriptor, media_types/* emptyJson */.Gu), (0,attach/* pushIfMissing */._)(target, layer, options.envelope)]);
    await target.push(descriptor, (0,content/* bytesSource */.Xl)(bytes));
    return descriptor;
}

// EXTERNAL MODULE: ../../packages/core/src/artifact/flux.ts
var flux = __nccwpck_require__(8359);
;// CONCATENATED MODULE: ../../packages/core/src/sign/notation.ts
// Notary Project (Notation) signatures for OCI artifacts: the JWS envelope, the certificate rules both signing
// and verification apply, a key-file signer, and attaching the signature as a referrer the way the
// `notation` CLI does (notaryproject/specifications signature-specification.md, signature-envelope-jws.md;
// notation-go signer/signer.go and notation.go; notation-core-go signature/jws and x509).



const NotationMediaType = {
    /** The signature manifest's config media type as notation-go v1.3.2 writes it (artifactType in the OCI 1.1 form). */
    signature: 'application/vnd.cncf.notary.signature',
    payload: 'application/vnd.cncf.notary.payload.v1+json',
    jws: 'application/jose+json',
    cose: 'application/cose',
};
const NotationAnnotation = {
    /** JSON array of the chain's SHA-256 thumbprints, leaf first (lower-case hex, as notation-go writes them). */
    thumbprintS256: 'io.cncf.notary.x509chain.thumbprint#S256',
    /** The signing time, which notation-go (through oras PackManifest) puts on every signature manifest. */
    created: 'org.opencontainers.image.created',
};
const NotationHeader = {
    signingScheme: 'io.cncf.notary.signingScheme',
    signingTime: 'io.cncf.notary.signingTime',
    authenticSigningTime: 'io.cncf.notary.authenticSigningTime',
    expiry: 'io.cncf.notary.expiry',
    signingAgent: 'io.cncf.notary.signingAgent',
    timestampSignature: 'io.cncf.notary.timestampSignature',
    verificationPlugin: 'io.cncf.notary.verificationPlugin',
    verificationPluginMinVersion: 'io.cncf.notary.verificationPluginMinVersion',
};
/** The spec's algorithm table (signature-specification.md "Algorithm Selection"). */
const notationAlgorithms = {
    'RSA-2048': { keySpec: 'RSA-2048', jws: 'PS256', hashAlgorithm: 'SHA-256', signingAlgorithm: 'RSASSA-PSS-SHA-256', digest: 'sha256', keyType: 'rsa' },
    'RSA-3072': { keySpec: 'RSA-3072', jws: 'PS384', hashAlgorithm: 'SHA-384', signingAlgorithm: 'RSASSA-PSS-SHA-384', digest: 'sha384', keyType: 'rsa' },
    'RSA-4096': { keySpec: 'RSA-4096', jws: 'PS512', hashAlgorithm: 'SHA-512', signingAlgorithm: 'RSASSA-PSS-SHA-512', digest: 'sha512', keyType: 'rsa' },
    'EC-256': { keySpec: 'EC-256', jws: 'ES256', hashAlgorithm: 'SHA-256', signingAlgorithm: 'ECDSA-SHA-256', digest: 'sha256', keyType: 'ec', coordinateBytes: 32 },
    'EC-384': { keySpec: 'EC-384', jws: 'ES384', hashAlgorithm: 'SHA-384', signingAlgorithm: 'ECDSA-SHA-384', digest: 'sha384', keyType: 'ec', coordinateBytes: 48 },
    'EC-521': { keySpec: 'EC-521', jws: 'ES512', hashAlgorithm: 'SHA-512', signingAlgorithm: 'ECDSA-SHA-512', digest: 'sha512', keyType: 'ec', coordinateBytes: 66 },
};
function isNotationKeySpec(value) {
    return typeof value === 'string' && Object.hasOwn(notationAlgorithms, value);
}
function notationAlgorithmForJws(alg) {
    return Object.values(notationAlgorithms).find((a) => a.jws === alg);
}
class NotationError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'NotationError';
    }
}
const curveBits = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };
/** The key spec of a key or certificate (notation-core-go ExtractKeySpec: RSA 2048/3072/4096, EC P-256/384/521 only). */
function notationKeySpecOf(key) {
    const publicKey = key instanceof external_node_crypto_.X509Certificate ? key.publicKey : key;
    const type = publicKey.asymmetricKeyType;
    if (type === 'rsa') {
        const bits = Math.ceil((publicKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8) * 8;
        const spec = `RSA-${bits}`;
        if (isNotationKeySpec(spec))
            return spec;
        throw new NotationError(`rsa key size ${bits} bits is not supported`);
    }
    if (type === 'ec') {
        const bits = curveBits[publicKey.asymmetricKeyDetails?.namedCurve ?? ''];
        if (bits)
            return `EC-${bits}`;
        throw new NotationError(`ecdsa key size of curve ${publicKey.asymmetricKeyDetails?.namedCurve ?? 'unknown'} is not supported`);
    }
    throw new NotationError('unsupported public key type');
}
let asn1Loader;
/** @sigstore/core's DER parser, loaded on first use like the rest of @sigstore in d2ci. */
function loadAsn1() {
    asn1Loader ??= __nccwpck_require__.e(/* import() */ 137).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5137, 23)).then((m) => m.ASN1Obj);
    return asn1Loader;
}
const Oid = {
    basicConstraints: '2.5.29.19',
    keyUsage: '2.5.29.15',
    extendedKeyUsage: '2.5.29.37',
    crlDistributionPoints: '2.5.29.31',
    authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
    ocsp: '1.3.6.1.5.5.7.48.1',
};
// Key usage bit positions (RFC 5280 4.2.1.3), as Go numbers them.
const KeyUsage = { digitalSignature: 0, contentCommitment: 1, keyEncipherment: 2, dataEncipherment: 3, keyAgreement: 4, keyCertSign: 5, cRLSign: 6, encipherOnly: 7, decipherOnly: 8 };
const has = (bits, bit) => (bits & (1 << bit)) !== 0;
// Extended key usages a code-signing leaf must not have (spec; notation-core-go adds OCSPSigning).
const forbiddenEku = {
    '2.5.29.37.0': 'Any',
    '1.3.6.1.5.5.7.3.1': 'ServerAuth',
    '1.3.6.1.5.5.7.3.2': 'ClientAuth',
    '1.3.6.1.5.5.7.3.4': 'EmailProtection',
    '1.3.6.1.5.5.7.3.8': 'Timestamping',
    '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};
// Certificate signatures the spec forbids (SHA-1) and Go refuses (MD2/MD5 too).
const insecureSignatureAlgorithms = {
    '1.2.840.113549.1.1.2': 'MD2-RSA',
    '1.2.840.113549.1.1.4': 'MD5-RSA',
    '1.2.840.113549.1.1.5': 'SHA1-RSA',
    '1.2.840.10045.4.1': 'ECDSA-SHA1',
    '1.2.840.10040.4.3': 'DSA-SHA1',
};
// Go's attributeTypeNames: the only attribute types pkix.Name.String() prints by name.
const attributeNames = {
    '2.5.4.6': 'C', '2.5.4.8': 'ST', '2.5.4.7': 'L', '2.5.4.9': 'STREET', '2.5.4.17': 'POSTALCODE',
    '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.3': 'CN', '2.5.4.5': 'SERIALNUMBER',
};
function asn1String(obj) {
    if (obj.tag.class !== 0)
        return undefined;
    switch (obj.tag.number) {
        case 12: // UTF8String
        case 18: // NumericString
        case 19: // PrintableString
        case 22: // IA5String
            return obj.value.toString('utf8');
        case 20: // T61String: Go reads it as bytes
            return obj.value.toString('latin1');
        case 30: // BMPString
            return new TextDecoder('utf-16be').decode(obj.value);
        default:
            return undefined;
    }
}
function parseName(name) {
    return name.subs.map((set) => set.subs.map((atv) => ({ oid: atv.subs[0]?.toOID() ?? '', value: atv.subs[1] ? asn1String(atv.subs[1]) : undefined })));
}
/** Go's RDN value escaping in RDNSequence.String(). */
function escapeRdnValue(value) {
    const chars = [...value];
    return chars
        .map((c, k) => {
        const escape = ',+"\\<>;'.includes(c) || (c === ' ' && (k === 0 || k === chars.length - 1)) || (c === '#' && k === 0);
        return escape ? `\\${c}` : c;
    })
        .join('');
}
/**
 * A name as Go's pkix.Name.String() prints it: attributes regrouped by type (C, ST, L, STREET, POSTALCODE, O, OU,
 * then CN and SERIALNUMBER, last value wins for those two), printed in reverse, other types as `oid=#hex`. Notation
 * parses this string to match trusted identities, so its quirks (multi-valued groups, `=#`) matter.
 */
function goNameString(name) {
    const grouped = new Map();
    const others = [];
    let commonName;
    let serialNumber;
    for (const atv of name.flat()) {
        if (atv.value === undefined)
            continue;
        if (atv.oid === '2.5.4.3')
            commonName = atv.value;
        else if (atv.oid === '2.5.4.5')
            serialNumber = atv.value;
        else if (attributeNames[atv.oid])
            grouped.set(atv.oid, [...(grouped.get(atv.oid) ?? []), atv.value]);
        else
            others.push(`${atv.oid}=#${Buffer.from(atv.value, 'utf8').toString('hex')}`);
    }
    const rdns = [...others];
    for (const oid of ['2.5.4.6', '2.5.4.8', '2.5.4.7', '2.5.4.9', '2.5.4.17', '2.5.4.10', '2.5.4.11']) {
        const values = grouped.get(oid);
        if (values)
            rdns.push(values.map((v) => `${attributeNames[oid]}=${escapeRdnValue(v)}`).join('+'));
    }
    if (commonName)
        rdns.push(`CN=${escapeRdnValue(commonName)}`);
    if (serialNumber)
        rdns.push(`SERIALNUMBER=${escapeRdnValue(serialNumber)}`);
    return rdns.reverse().join(',');
}
/** Splits PEM (any number of CERTIFICATE blocks) or DER (one or more concatenated certificates) into DER. */
function splitNotationCertificates(input) {
    const text = typeof input === 'string' ? input : input.toString('latin1');
    if (text.includes('-----BEGIN')) {
        return [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
    }
    const der = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
    const out = [];
    let offset = 0;
    while (offset < der.length) {
        // Only the outer SEQUENCE's length is read here; X509Certificate parses the rest.
        if (der[offset] !== 0x30)
            throw new NotationError('not a PEM or DER certificate');
        const first = der[offset + 1] ?? 0;
        let length = first;
        let header = 2;
        if (first & 0x80) {
            const count = first & 0x7f;
            if (count < 1 || count > 4)
                throw new NotationError('not a PEM or DER certificate');
            length = 0;
            for (let i = 0; i < count; i++)
                length = length * 256 + (der[offset + 2 + i] ?? 0);
            header += count;
        }
        if (offset + header + length > der.length)
            throw new NotationError('truncated DER certificate');
        out.push(der.subarray(offset, offset + header + length));
        offset += header + length;
    }
    return out;
}
/** Reads a certificate once: Node's X509Certificate for keys and signatures, @sigstore/core's DER parser for the rest. */
async function parseNotationCertificate(input) {
    const der = input instanceof external_node_crypto_.X509Certificate ? input.raw : input;
    const Asn1 = await loadAsn1();
    let x509;
    let root;
    try {
        x509 = input instanceof external_node_crypto_.X509Certificate ? input : new external_node_crypto_.X509Certificate(der);
        root = Asn1.parseBuffer(Buffer.from(der));
    }
    catch (err) {
        throw new NotationError(`malformed certificate: ${err.message}`, { cause: err });
    }
    const fields = root.subs[0]?.subs ?? [];
    const versioned = fields[0]?.tag.isContextSpecific(0) ?? false;
    const at = (i) => {
        const field = fields[i + (versioned ? 1 : 0)];
        if (!field)
            throw new NotationError('malformed certificate: missing TBSCertificate fields');
        return field;
    };
    const version = versioned ? Number((fields[0]?.subs[0]?.toInteger() ?? 0n) + 1n) : 1;
    const issuerObj = at(2);
    const validity = at(3);
    const subjectObj = at(4);
    const certificate = {
        der: Buffer.from(der),
        x509,
        version,
        subjectName: parseName(subjectObj),
        subject: '',
        issuer: goNameString(parseName(issuerObj)),
        rawSubject: Buffer.from(subjectObj.value),
        rawIssuer: Buffer.from(issuerObj.value),
        notBefore: validity.subs[0]?.toDate() ?? new Date(Number.NaN),
        notAfter: validity.subs[1]?.toDate() ?? new Date(Number.NaN),
        signatureAlgorithm: root.subs[1]?.subs[0]?.toOID() ?? '',
        revocationEndpoints: false,
        sha256: (0,external_node_crypto_.createHash)('sha256').update(der).digest('hex'),
    };
    certificate.subject = goNameString(certificate.subjectName);
    const extensions = fields.find((f) => f.tag.isContextSpecific(3))?.subs[0]?.subs ?? [];
    for (const extension of extensions) {
        const oid = extension.subs[0]?.toOID();
        const critical = extension.subs.length === 3 ? (extension.subs[1]?.toBoolean() ?? false) : false;
        const octets = extension.subs[extension.subs.length - 1]?.value;
        if (!oid || !octets)
            continue;
        let value;
        try {
            value = Asn1.parseBuffer(Buffer.from(octets));
        }
        catch (err) {
            throw new NotationError(`malformed certificate extension ${oid}: ${err.message}`, { cause: err });
        }
        if (oid === Oid.basicConstraints) {
            const ca = value.subs[0]?.tag.isBoolean() ? value.subs[0].toBoolean() : false;
            const length = value.subs.find((s) => s.tag.isInteger());
            certificate.basicConstraints = { ca, critical, ...(length ? { pathLength: Number(length.toInteger()) } : {}) };
        }
        else if (oid === Oid.keyUsage) {
            const bits = value.toBitString();
            certificate.keyUsage = { critical, bits: bits.slice(0, 9).reduce((acc, bit, i) => acc | (bit << i), 0) };
        }
        else if (oid === Oid.extendedKeyUsage) {
            certificate.extendedKeyUsage = value.subs.map((s) => s.toOID());
        }
        else if (oid === Oid.crlDistributionPoints) {
            certificate.revocationEndpoints = true;
        }
        else if (oid === Oid.authorityInfoAccess) {
            if (value.subs.some((d) => d.subs[0]?.toOID() === Oid.ocsp))
                certificate.revocationEndpoints = true;
        }
    }
    return certificate;
}
/** Parses a chain (leaf first) given as X509Certificates, DER buffers or one PEM bundle. */
async function parseNotationCertificates(chain) {
    const items = typeof chain === 'string' || Buffer.isBuffer(chain) ? splitNotationCertificates(chain) : chain;
    return Promise.all(items.map((c) => parseNotationCertificate(c)));
}
/** Go's `%q` of a string (close enough for the ASCII messages notation prints). */
const goQuote = (value) => JSON.stringify(value);
/** Go's time.Time String() for a UTC time, used in notation-core-go's certificate messages. */
function goTime(date) {
    const iso = date.toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}
const weekdays = (/* unused pure expression or super */ null && (['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']));
const months = (/* unused pure expression or super */ null && (['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']));
/** Go's time.RFC1123Z layout in UTC, as notation's verification messages print times. */
function notationRfc1123z(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return `${weekdays[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
/** Go's CheckSignatureFrom (parent must be allowed to sign certificates; no SHA-1) plus the issuer/subject name match. */
function issuedBy(child, parent) {
    const insecure = insecureSignatureAlgorithms[child.signatureAlgorithm];
    if (insecure)
        return { issued: false, error: `x509: cannot verify signature: insecure algorithm ${insecure}` };
    if ((parent.version === 3 && !parent.basicConstraints) || (parent.basicConstraints && !parent.basicConstraints.ca) || (parent.keyUsage && parent.keyUsage.bits !== 0 && !has(parent.keyUsage.bits, KeyUsage.keyCertSign))) {
        return { issued: false, error: 'x509: invalid signature: parent certificate cannot sign this kind of certificate' };
    }
    let valid = false;
    try {
        valid = child.x509.verify(parent.x509.publicKey);
    }
    catch {
        valid = false;
    }
    if (!valid)
        return { issued: false, error: 'x509: signature does not verify with the issuer public key' };
    return child.rawIssuer.equals(parent.rawSubject) ? { issued: true } : { issued: false };
}
function signatureProblem(certificate) {
    const insecure = insecureSignatureAlgorithms[certificate.signatureAlgorithm];
    if (insecure)
        return `x509: cannot verify signature: insecure algorithm ${insecure}`;
    try {
        return certificate.x509.verify(certificate.x509.publicKey) ? undefined : 'x509: signature does not verify with its own public key';
    }
    catch (err) {
        return err.message;
    }
}
function signingTimeProblem(certificate, signingTime) {
    if (!signingTime || (signingTime >= certificate.notBefore && signingTime <= certificate.notAfter))
        return undefined;
    return `certificate with subject ${goQuote(certificate.subject)} was invalid at signing time of ${goTime(signingTime)}. Certificate is valid from [${goTime(certificate.notBefore)}] to [${goTime(certificate.notAfter)}]`;
}
/** The first certificate of a chain that was not valid at `signingTime` (the spec's "valid at signing time" rule), with notation-core-go's message. */
function notationSigningTimeProblem(chain, signingTime) {
    for (const certificate of chain) {
        const problem = signingTimeProblem(certificate, signingTime);
        if (problem)
            return problem;
    }
    return undefined;
}
function keyUsagePresenceProblem(certificate) {
    if (!certificate.keyUsage)
        return `certificate with subject ${goQuote(certificate.subject)}: key usage extension must be present`;
    if (!certificate.keyUsage.critical)
        return `certificate with subject ${goQuote(certificate.subject)}: key usage extension must be marked critical`;
    return undefined;
}
/** The spec's leaf (code-signing) certificate requirements, with notation-core-go's messages. */
function notationLeafCertificateProblem(certificate) {
    const subject = goQuote(certificate.subject);
    if (certificate.basicConstraints?.ca)
        return `certificate with subject ${subject}: if the basic constraints extension is present, the ca field must be set to false`;
    const presence = keyUsagePresenceProblem(certificate);
    if (presence)
        return presence;
    const bits = certificate.keyUsage?.bits ?? 0;
    if (!has(bits, KeyUsage.digitalSignature))
        return `the certificate with subject ${subject} is invalid. The key usage must have the bit positions for "Digital Signature" set`;
    const invalid = [
        [KeyUsage.keyEncipherment, 'KeyEncipherment'],
        [KeyUsage.dataEncipherment, 'DataEncipherment'],
        [KeyUsage.keyAgreement, 'KeyAgreement'],
        [KeyUsage.keyCertSign, 'CertSign'],
        [KeyUsage.cRLSign, 'CRLSign'],
        [KeyUsage.encipherOnly, 'EncipherOnly'],
        [KeyUsage.decipherOnly, 'DecipherOnly'],
    ]
        .filter(([bit]) => has(bits, bit))
        .map(([, name]) => `"${name}"`);
    if (invalid.length)
        return `the certificate with subject ${subject} is invalid. The key usage must be "Digital Signature" only, but found ${invalid.join(', ')}`;
    for (const eku of certificate.extendedKeyUsage ?? []) {
        const name = forbiddenEku[eku];
        if (name)
            return `certificate with subject ${subject}: extended key usage must not contain ${name} eku`;
    }
    try {
        notationKeySpecOf(certificate.x509);
    }
    catch (err) {
        return `certificate with subject ${subject}: ${err.message}`;
    }
    return undefined;
}
function caCertificateProblem(certificate, expectedPathLength) {
    const subject = goQuote(certificate.subject);
    if (!certificate.basicConstraints?.ca)
        return `certificate with subject ${subject}: ca field in basic constraints must be present, critical, and set to true`;
    const pathLength = certificate.basicConstraints.pathLength;
    if (pathLength !== undefined && pathLength < expectedPathLength)
        return `certificate with subject ${subject}: expected path length of ${expectedPathLength} but certificate has path length ${pathLength} instead`;
    const presence = keyUsagePresenceProblem(certificate);
    if (presence)
        return presence;
    if (!has(certificate.keyUsage?.bits ?? 0, KeyUsage.keyCertSign))
        return `certificate with subject ${subject}: key usage must have the bit positions for key cert sign set`;
    return undefined;
}
/**
 * Checks a signature's certificate chain against the spec's certificate requirements (notation-core-go
 * ValidateCodeSigningCertChain): leaf first, each certificate issued by the next, ending in a self-signed root, the
 * leaf a code-signing certificate and the others CAs; with `signingTime`, every certificate valid at that time.
 * Returns the first problem, or undefined. Trust (which roots) is decided elsewhere.
 */
function notationCertificateChainProblem(chain, signingTime) {
    const [first] = chain;
    if (!first)
        return 'certificate chain must contain at least one certificate';
    if (chain.length === 1) {
        const selfSignature = signatureProblem(first);
        if (selfSignature)
            return `invalid self-signed certificate. subject: ${goQuote(first.subject)}. Error: ${selfSignature}`;
        if (!first.rawSubject.equals(first.rawIssuer))
            return `invalid self-signed certificate. subject: ${goQuote(first.subject)}. Error: issuer(${first.issuer}) and subject(${first.subject}) are not the same`;
        const time = signingTimeProblem(first, signingTime);
        if (time)
            return time;
        const leaf = notationLeafCertificateProblem(first);
        return leaf ? `invalid self-signed certificate. Error: ${leaf}` : undefined;
    }
    for (const [i, certificate] of chain.entries()) {
        const time = signingTimeProblem(certificate, signingTime);
        if (time)
            return time;
        const subject = goQuote(certificate.subject);
        const selfSigned = issuedBy(certificate, certificate);
        if (i === chain.length - 1) {
            if (!selfSigned.issued && selfSigned.error)
                return `root certificate with subject ${subject} is invalid or not self-signed. Certificate chain must end with a valid self-signed root certificate. Error: ${selfSigned.error}`;
            if (!selfSigned.issued)
                return `root certificate with subject ${subject} is not self-signed. Certificate chain must end with a valid self-signed root certificate`;
        }
        else {
            if (selfSigned.issued) {
                return i === 0
                    ? `leaf certificate with subject ${subject} is self-signed. Certificate chain must not contain self-signed leaf certificate`
                    : `intermediate certificate with subject ${subject} is self-signed. Certificate chain must not contain self-signed intermediate certificate`;
            }
            const parent = chain[i + 1];
            const issued = issuedBy(certificate, parent);
            if (!issued.issued && issued.error)
                return `invalid certificates or certificate with subject ${subject} is not issued by ${goQuote(parent.subject)}. Error: ${issued.error}`;
            if (!issued.issued)
                return `certificate with subject ${subject} is not issued by ${goQuote(parent.subject)}`;
        }
        const problem = i === 0 ? notationLeafCertificateProblem(certificate) : caCertificateProblem(certificate, i - 1);
        if (problem)
            return problem;
    }
    return undefined;
}
/** SHA-256 thumbprints of a chain, leaf first, as the `io.cncf.notary.x509chain.thumbprint#S256` annotation lists them. */
function notationThumbprints(chain) {
    return chain.map((der) => (0,external_node_crypto_.createHash)('sha256').update(der).digest('hex'));
}
const knownHeaders = new Set(['alg', 'cty', 'crit', NotationHeader.expiry, NotationHeader.signingTime, NotationHeader.signingScheme, NotationHeader.authenticSigningTime]);
const base64url = /^[A-Za-z0-9_-]*$/;
const base64std = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// RFC 3339 date-time (Go's time.Time JSON form).
const rfc3339Pattern = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
/** Strict unpadded base64url, failing with Go's message (as notation reports a JWS it cannot decode). */
function decodeBase64url(value, what) {
    if (typeof value !== 'string')
        throw new NotationError(`signature is invalid. Error: ${what} is missing`);
    if (!base64url.test(value) || value.length % 4 === 1) {
        const bad = [...value].findIndex((c) => !/[A-Za-z0-9_-]/.test(c));
        throw new NotationError(`signature is invalid. Error: illegal base64 data at input byte ${bad >= 0 ? bad : value.length - 1}`);
    }
    return Buffer.from(value, 'base64url');
}
function parseTime(value, header) {
    const date = typeof value === 'string' && rfc3339Pattern.test(value) ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime()))
        throw new NotationError(`jws envelope protected header can't be decoded: ${header} is not an RFC 3339 time`);
    return date;
}
/**
 * Reads and checks a protected header as notation-core-go does: the signing scheme and its time headers, expiry,
 * and `crit` (which must name the signing scheme and, when present, expiry and authentic signing time; every other
 * name in it must be a header that is present). Takes the JSON object, its text, or the envelope's base64url field.
 */
function decodeNotationProtectedHeader(input) {
    let header;
    if (typeof input === 'object' && !Buffer.isBuffer(input))
        header = input;
    else {
        const raw = input.toString();
        // JSON text starts with `{`, which base64url never contains.
        const text = raw.trimStart().startsWith('{') ? raw : decodeBase64url(raw, 'the protected header').toString('utf8');
        try {
            header = JSON.parse(text);
        }
        catch (err) {
            throw new NotationError(`jws envelope protected header can't be decoded: ${err.message}`);
        }
    }
    if (typeof header !== 'object' || header === null || Array.isArray(header))
        throw new NotationError("jws envelope protected header can't be decoded: not a JSON object");
    const scheme = header[NotationHeader.signingScheme];
    if (scheme !== 'notary.x509' && scheme !== 'notary.x509.signingAuthority')
        throw new NotationError(`unsupported SigningScheme: \`${String(scheme)}\``);
    if (typeof header.alg !== 'string')
        throw new NotationError('signature algorithm "" is not supported');
    if (header.cty !== undefined && typeof header.cty !== 'string')
        throw new NotationError("jws envelope protected header can't be decoded: cty is not a string");
    const crit = header.crit;
    if (crit !== undefined && (!Array.isArray(crit) || !crit.every((c) => typeof c === 'string')))
        throw new NotationError("jws envelope protected header can't be decoded: crit is not an array of strings");
    const parsed = {
        algorithm: header.alg,
        contentType: (header.cty) ?? '',
        signingScheme: scheme,
        critical: (crit) ?? [],
        extended: Object.fromEntries(Object.entries(header).filter(([key]) => !knownHeaders.has(key))),
    };
    if (header[NotationHeader.signingTime] !== undefined)
        parsed.signingTime = parseTime(header[NotationHeader.signingTime], NotationHeader.signingTime);
    if (header[NotationHeader.authenticSigningTime] !== undefined)
        parsed.authenticSigningTime = parseTime(header[NotationHeader.authenticSigningTime], NotationHeader.authenticSigningTime);
    if (header[NotationHeader.expiry] !== undefined)
        parsed.expiry = parseTime(header[NotationHeader.expiry], NotationHeader.expiry);
    if (scheme === 'notary.x509') {
        if (parsed.authenticSigningTime)
            throw new NotationError(`"${NotationHeader.authenticSigningTime}" header must not be present for notary.x509 signing scheme`);
        if (!parsed.signingTime)
            throw new NotationError('signing-time not present');
    }
    else {
        if (parsed.signingTime)
            throw new NotationError(`"${NotationHeader.signingTime}" header must not be present for notary.x509.signingAuthority signing scheme`);
        if (!parsed.authenticSigningTime)
            throw new NotationError(`"${NotationHeader.authenticSigningTime}" header must be present for notary.x509.signingAuthority signing scheme`);
    }
    const time = parsed.signingTime ?? parsed.authenticSigningTime;
    if (parsed.expiry && time && parsed.expiry <= time)
        throw new NotationError('expiry cannot be equal or before the signing time');
    if (parsed.critical.length === 0)
        throw new NotationError('missing "crit" header');
    const mustBeCritical = new Set([NotationHeader.signingScheme]);
    if (parsed.expiry)
        mustBeCritical.add(NotationHeader.expiry);
    if (scheme === 'notary.x509.signingAuthority')
        mustBeCritical.add(NotationHeader.authenticSigningTime);
    for (const name of parsed.critical) {
        if (mustBeCritical.delete(name))
            continue;
        if (!Object.hasOwn(parsed.extended, name))
            throw new NotationError(`"${name}" header is marked critical but not present`);
    }
    if (mustBeCritical.size)
        throw new NotationError(`these required headers are not marked as critical: [${[...mustBeCritical].join(' ')}]`);
    return parsed;
}
/** Reads a Notary Project payload and checks its `targetArtifact` has mediaType, digest and size. */
function parseNotationPayload(bytes) {
    let payload;
    try {
        payload = JSON.parse(bytes.toString());
    }
    catch (err) {
        throw new NotationError(`the payload is not JSON: ${err.message}`);
    }
    const target = payload?.targetArtifact;
    if (typeof target !== 'object' || target === null)
        throw new NotationError('the payload has no targetArtifact');
    if (typeof target.mediaType !== 'string' || typeof target.digest !== 'string' || !Number.isSafeInteger(target.size) || (target.size ?? -1) < 0) {
        throw new NotationError('the payload targetArtifact must have mediaType, digest and size');
    }
    if (target.annotations !== undefined && (typeof target.annotations !== 'object' || target.annotations === null || Object.values(target.annotations).some((v) => typeof v !== 'string'))) {
        throw new NotationError('the payload targetArtifact annotations must be a string map');
    }
    return payload;
}
/** Parses a JWS JSON (flattened) envelope and its protected header; checks structure only, no signature or trust. */
function parseNotationEnvelope(bytes) {
    let raw;
    try {
        raw = JSON.parse(bytes.toString());
    }
    catch (err) {
        throw new NotationError(`unable to parse the digital signature, error : ${err.message}`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new NotationError('unable to parse the digital signature, error : not a JSON object');
    const extra = Object.keys(raw).filter((k) => !['payload', 'protected', 'header', 'signature'].includes(k));
    // Only the flattened serialization is allowed; `signatures` would be the general one.
    if (extra.length)
        throw new NotationError(`the JWS envelope has unsupported top-level fields ${extra.join(', ')} (only the flattened JSON serialization is allowed)`);
    const header = raw.header;
    if (typeof header !== 'object' || header === null || !Array.isArray(header.x5c) || header.x5c.length === 0)
        throw new NotationError('certificate chain is not present');
    const certificates = header.x5c.map((c) => {
        if (typeof c !== 'string' || !base64std.test(c))
            throw new NotationError('malformed certificate in x5c (not base64)');
        return Buffer.from(c, 'base64');
    });
    const signature = decodeBase64url(raw.signature, 'the signature');
    if (signature.length === 0)
        throw new NotationError('signature missing in jws-json envelope');
    const payloadBytes = decodeBase64url(raw.payload, 'the payload');
    const parsed = {
        raw,
        protectedHeader: decodeNotationProtectedHeader(typeof raw.protected === 'string' ? raw.protected : ''),
        payloadBytes,
        signature,
        certificates,
    };
    const agent = header[NotationHeader.signingAgent];
    if (typeof agent === 'string')
        parsed.signingAgent = agent;
    const timestamp = header[NotationHeader.timestampSignature];
    if (typeof timestamp === 'string' && timestamp)
        parsed.timestampSignature = Buffer.from(timestamp, 'base64');
    return parsed;
}
/** Verifies a raw JWS signature (ECDSA in R||S form; RSASSA-PSS with any salt length, as jwt-go accepts). */
function verifyNotationJwsSignature(algorithm, signingInput, signature, publicKey) {
    try {
        if (algorithm.keyType === 'ec') {
            if (signature.length !== 2 * (algorithm.coordinateBytes ?? 0))
                return false;
            return (0,external_node_crypto_.verify)(algorithm.digest, signingInput, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
        }
        return (0,external_node_crypto_.verify)(algorithm.digest, signingInput, { key: publicKey, padding: external_node_crypto_.constants.RSA_PKCS1_PSS_PADDING, saltLength: external_node_crypto_.constants.RSA_PSS_SALTLEN_AUTO }, signature);
    }
    catch {
        return false;
    }
}
/**
 * The integrity of an envelope as notation-core-go's JWS Verify checks it: `alg` is one the spec allows and is the
 * algorithm of the leaf certificate's key (no algorithm substitution), and the signature over `protected.payload`
 * verifies with that key. Returns the problem, or undefined.
 */
function notationEnvelopeSignatureProblem(envelope, leaf) {
    const algorithm = notationAlgorithmForJws(envelope.protectedHeader.algorithm);
    if (!algorithm)
        return `signature algorithm ${goQuote(envelope.protectedHeader.algorithm)} is not supported`;
    let expected;
    try {
        expected = notationKeySpecOf(leaf);
    }
    catch (err) {
        return err.message;
    }
    if (notationAlgorithms[expected].jws !== algorithm.jws) {
        return `mismatch between signature algorithm derived from signing certificate (${notationAlgorithms[expected].jws}) and signing algorithm specified (${algorithm.jws})`;
    }
    const signingInput = Buffer.from(`${envelope.raw.protected}.${envelope.raw.payload}`, 'ascii');
    return verifyNotationJwsSignature(algorithm, signingInput, envelope.signature, leaf.publicKey) ? undefined : 'signature is invalid. Error: the JWS signature does not verify with the signing certificate key';
}
function readPrivateKey(input, password) {
    if (typeof input === 'object' && !Buffer.isBuffer(input))
        return input;
    const pem = input.toString();
    try {
        return (0,external_node_crypto_.createPrivateKey)({ key: pem, format: 'pem', passphrase: password || undefined });
    }
    catch (err) {
        // OpenSSL reports a missing or wrong password in several ways; for an encrypted PEM, any failure is the password's.
        if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem))
            throw new NotationError(password ? 'wrong password for the private key' : 'the private key is encrypted; give its password', { cause: err });
        throw new NotationError('the signing key is not a PEM private key (PKCS#8, SEC1 or PKCS#1)', { cause: err });
    }
}
function spki(key) {
    return (key.type === 'private' ? (0,external_node_crypto_.createPublicKey)(key) : key).export({ format: 'der', type: 'spki' });
}
/** Signs bytes with a key of the given spec in the JWS form (RSASSA-PSS, salt = hash length; ECDSA raw R||S). */
function notationSignWithKey(keySpec, privateKey, bytes) {
    const algorithm = notationAlgorithms[keySpec];
    return algorithm.keyType === 'ec'
        ? (0,external_node_crypto_.sign)(algorithm.digest, bytes, { key: privateKey, dsaEncoding: 'ieee-p1363' })
        : (0,external_node_crypto_.sign)(algorithm.digest, bytes, { key: privateKey, padding: external_node_crypto_.constants.RSA_PKCS1_PSS_PADDING, saltLength: external_node_crypto_.constants.RSA_PSS_SALTLEN_DIGEST });
}
/**
 * A signer from a private key and its certificate chain (notation's `notation key add --id ... --plugin`-less
 * local keys, or notation-go signer.NewFromFiles). Checks, as notation-core-go does, that the key is the leaf
 * certificate's, that its type and size are in the spec's table, and that the chain meets the certificate
 * requirements (code-signing leaf: key usage critical with Digital Signature only, no server/client/email/
 * timestamping EKU; CA certificates above it; a self-signed root).
 */
async function createNotationKeySigner(options) {
    const key = readPrivateKey(options.privateKey, options.password);
    if (key.type !== 'private')
        throw new NotationError('the signing key must be a private key');
    const chain = await parseNotationCertificates(options.certificateChain);
    const leaf = chain[0];
    if (!leaf)
        throw new NotationError('"certs" param is invalid. Error: empty certs');
    const keySpec = notationKeySpecOf(leaf.x509);
    if (key.asymmetricKeyType !== leaf.x509.publicKey.asymmetricKeyType || !spki(key).equals(spki(leaf.x509.publicKey))) {
        throw new NotationError('"key and certs" param is invalid. Error: key not matches certificate');
    }
    const problem = notationCertificateChainProblem(chain);
    if (problem)
        throw new NotationError(`certificate-chain is invalid, ${problem}`);
    const ders = chain.map((c) => c.der);
    return {
        keySpec,
        certificateChain: async () => ders,
        sign: async (bytes) => notationSignWithKey(keySpec, key, bytes),
    };
}
/** JSON with object keys sorted, as Go marshals maps (notation-core-go builds the header and payload as maps). */
function sortedJson(value) {
    if (Array.isArray(value))
        return `[${value.map(sortedJson).join(',')}]`;
    if (typeof value === 'object' && value !== null) {
        return `{${Object.keys(value)
            .sort()
            .filter((k) => value[k] !== undefined)
            .map((k) => `${JSON.stringify(k)}:${sortedJson(value[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(value);
}
const reservedAnnotationPrefix = 'io.cncf.notary';
/** The payload notation signs for a manifest: only mediaType, digest, size and annotations (SanitizeTargetArtifact). */
function notationPayload(subject, userMetadata = {}) {
    const annotations = { ...(subject.annotations ?? {}) };
    for (const [key, value] of Object.entries(userMetadata)) {
        if (key.startsWith(reservedAnnotationPrefix))
            throw new NotationError(`error adding user metadata: metadata key ${key} has reserved prefix ${reservedAnnotationPrefix}`);
        if (Object.hasOwn(annotations, key))
            throw new NotationError(`error adding user metadata: metadata key ${key} is already present in the target artifact`);
        annotations[key] = value;
    }
    const target = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
    if (Object.keys(annotations).length)
        target.annotations = annotations;
    return Buffer.from(sortedJson({ targetArtifact: target }));
}
const truncateToSecond = (date) => new Date(Math.floor(date.getTime() / 1000) * 1000);
/**
 * Builds and signs a JWS envelope for a manifest, as notation-go's GenericSigner and notation-core-go's JWS
 * envelope do: payload, protected header (`alg` from the key spec, `cty`, `crit`, signing scheme `notary.x509`,
 * signing time, optional expiry), then `x5c` and the signing agent unprotected. The result is checked before it is
 * returned: the chain meets the certificate requirements and was valid at the signing time, its leaf has the key
 * spec the signer declared, and the signature verifies with the leaf's key (which catches a plugin that signed
 * something else or with another key).
 */
async function createNotationEnvelope(subject, signer, options = {}) {
    const algorithm = notationAlgorithms[signer.keySpec];
    if (!algorithm)
        throw new NotationError(`unsupported key spec ${String(signer.keySpec)}`);
    const signingTime = truncateToSecond(options.signingTime ?? new Date());
    const expiry = options.expiry ? truncateToSecond(options.expiry) : undefined;
    if (expiry && expiry <= signingTime)
        throw new NotationError('expiry cannot be equal or before the signing time');
    const payload = notationPayload({ mediaType: subject.mediaType, digest: subject.digest, size: subject.size, ...(subject.annotations ? { annotations: subject.annotations } : {}) }, options.userMetadata);
    const protectedHeader = {
        alg: algorithm.jws,
        crit: expiry ? [NotationHeader.signingScheme, NotationHeader.expiry] : [NotationHeader.signingScheme],
        cty: NotationMediaType.payload,
        [NotationHeader.signingScheme]: 'notary.x509',
        [NotationHeader.signingTime]: (0,flux/* rfc3339 */.ag)(signingTime),
        ...(expiry ? { [NotationHeader.expiry]: (0,flux/* rfc3339 */.ag)(expiry) } : {}),
    };
    const encodedProtected = Buffer.from(sortedJson(protectedHeader)).toString('base64url');
    const encodedPayload = payload.toString('base64url');
    const signingInput = Buffer.from(`${encodedProtected}.${encodedPayload}`, 'ascii');
    const signature = await signer.sign(signingInput);
    const chainInput = await signer.certificateChain();
    const chain = await parseNotationCertificates(chainInput.map((c) => (c instanceof external_node_crypto_.X509Certificate ? c : Buffer.from(c))));
    const leaf = chain[0];
    if (!leaf)
        throw new NotationError('the signer returned no certificate chain');
    const problem = notationCertificateChainProblem(chain, signingTime);
    if (problem)
        throw new NotationError(`certificate-chain is invalid, ${problem}`);
    const leafSpec = notationKeySpecOf(leaf.x509);
    if (leafSpec !== signer.keySpec)
        throw new NotationError(`the signing certificate's key is ${leafSpec}, but the signer declared ${signer.keySpec}`);
    if (!verifyNotationJwsSignature(algorithm, signingInput, signature, leaf.x509.publicKey)) {
        throw new NotationError('generated signature failed verification: the signature does not verify with the signing certificate key');
    }
    const agent = [options.signingAgent ?? 'd2ci', signer.signingAgent].filter(Boolean).join(' ');
    const envelope = {
        payload: encodedPayload,
        protected: encodedProtected,
        header: { x5c: chain.map((c) => c.der.toString('base64')), [NotationHeader.signingAgent]: agent },
        signature: signature.toString('base64url'),
    };
    return { envelope: Buffer.from(JSON.stringify(envelope)), certificates: chain.map((c) => c.der), signingTime, payload, protectedHeader };
}
/** The signature manifest's annotations notation-go writes: the chain's thumbprints and the creation (signing) time. */
function notationSignatureAnnotations(certificates, signingTime) {
    return {
        [NotationAnnotation.thumbprintS256]: JSON.stringify(notationThumbprints(certificates)),
        [NotationAnnotation.created]: (0,flux/* rfc3339 */.ag)(signingTime),
    };
}
/**
 * Signs a manifest already stored in `target` in the Notary Project format and attaches the JWS envelope as a
 * referrer in the form notation-go v1.3.2 writes (sign/notation-manifest.ts): config media type
 * `application/vnd.cncf.notary.signature`, no artifactType, one `application/jose+json` layer, `subject`, and the
 * thumbprint and created annotations. The released notation finds only that form in an OCI layout; registries list
 * it under the same artifact type. A registry without the referrers API gets the `sha256-<hex>` tag-schema index
 * (as notation does through oras).
 */
async function signNotation(target, subject, options) {
    const plain = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
    const made = await createNotationEnvelope(plain, options.signer, options);
    const descriptor = await attachNotationSignature(target, plain, {
        envelopeMediaType: NotationMediaType.jws,
        envelope: made.envelope,
        annotations: notationSignatureAnnotations(made.certificates, made.signingTime),
    });
    return { descriptor, signatureRef: `${target.name}@${descriptor.digest}`, envelope: made.envelope, thumbprints: notationThumbprints(made.certificates), signingTime: made.signingTime };
}


/***/ }),

/***/ 8419:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hg: () => (/* binding */ inTotoStatement),
/* harmony export */   K9: () => (/* binding */ simpleSigningMediaType),
/* harmony export */   Kq: () => (/* binding */ simpleSigningPayload),
/* harmony export */   OY: () => (/* binding */ inTotoPayloadType),
/* harmony export */   fT: () => (/* binding */ signStatement),
/* harmony export */   iQ: () => (/* binding */ cosignSignPredicateType)
/* harmony export */ });
/* harmony import */ var _oci_descriptor_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7796);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8341);


/** cosign's legacy signature payload media type (cosign pkg/types SimpleSigningMediaType). */
const simpleSigningMediaType = 'application/vnd.dev.cosign.simplesigning.v1+json';
/** The in-toto predicate cosign v3 signs images with (cosign pkg/types/predicate.go). */
const cosignSignPredicateType = 'https://sigstore.dev/cosign/sign/v1';
const inTotoPayloadType = 'application/vnd.in-toto+json';
/**
 * The "simple signing" payload cosign signs, byte for byte as Go's json.Marshal writes sigstore's
 * payload.Cosign: `docker-reference` is the repository, `optional` holds claims or is null.
 */
function simpleSigningPayload(repository, digest, claims) {
    const optional = claims && Object.keys(claims).length ? (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_0__/* .sortedAnnotations */ .sk)(claims) : null;
    return Buffer.from(JSON.stringify({
        critical: { identity: { 'docker-reference': repository }, image: { 'docker-manifest-digest': digest }, type: 'cosign container image signature' },
        optional,
    }));
}
/** The in-toto v1 statement cosign v3 signs into a v0.3 bundle: subject = the manifest digest. */
function signStatement(digest, claims) {
    return inTotoStatement(digest, cosignSignPredicateType, {}, claims);
}
/** An in-toto v1 statement about one manifest digest (what `cosign attest` signs). */
function inTotoStatement(digest, predicateType, predicate, annotations) {
    const { algorithm, hex } = (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDigest */ .m)(digest);
    const subject = { digest: { [algorithm]: hex } };
    if (annotations && Object.keys(annotations).length)
        subject.annotations = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_0__/* .sortedAnnotations */ .sk)(annotations);
    return Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [subject], predicateType, predicate }));
}


/***/ }),

/***/ 1047:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  tu: () => (/* binding */ UntaggedSigningError),
  Uy: () => (/* binding */ attachSigstoreBundle),
  pS: () => (/* binding */ signEachBeforeTagging),
  wh: () => (/* binding */ signNotationBeforeTagging),
  XO: () => (/* binding */ signatureFormats)
});

// UNUSED EXPORTS: signArtifact, signBeforeTagging, sigstoreBundleMediaType

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ../../packages/core/src/oci/attach.ts
var attach = __nccwpck_require__(9400);
// EXTERNAL MODULE: ../../packages/core/src/artifact/flux.ts
var flux = __nccwpck_require__(8359);
// EXTERNAL MODULE: ../../packages/core/src/sign/payload.ts
var sign_payload = __nccwpck_require__(8419);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __nccwpck_require__(8613);
// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __nccwpck_require__(8341);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var oci_descriptor = __nccwpck_require__(7796);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(8706);
// EXTERNAL MODULE: ../../packages/core/src/sign/errors.ts
var sign_errors = __nccwpck_require__(962);
;// CONCATENATED MODULE: ../../packages/core/src/sign/legacy.ts







/** The annotations cosign puts on each signature layer (cosign pkg/oci/static/signature.go). */
const CosignAnnotation = {
    signature: 'dev.cosignproject.cosign/signature',
    certificate: 'dev.sigstore.cosign/certificate',
    chain: 'dev.sigstore.cosign/chain',
    bundle: 'dev.sigstore.cosign/bundle',
    timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
};
/** The tag cosign stores legacy signatures under: `sha256-<hex>.sig` (cosign pkg/oci/remote SignatureTag). */
function legacySignatureTag(digest) {
    const { algorithm, hex } = (0,oci_digest/* parseDigest */.m)(digest);
    return `${algorithm}-${hex}.sig`;
}
function toPem(der, label = 'CERTIFICATE') {
    const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
/** The DER certificates in a PEM text (Fulcio may or may not wrap base64 at 64 columns; Go's pem.Encode does). */
function pemCertificates(pem) {
    return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
}
/**
 * The cosign legacy annotations for a message-signature bundle, as cosign v3's own legacy path maps its bundle
 * (`RekorBundleFromProtoTlogEntry`): base64 signature, leaf certificate PEM, chain, and the Rekor "bundle" JSON
 * whose body is a string, integratedTime and logIndex numbers, and logID hex.
 */
function legacyAnnotations(bundle, fulcioChain = []) {
    if (bundle.content.$case !== 'messageSignature')
        throw new sign_errors/* SigningError */.u('a legacy signature needs a message-signature bundle');
    const annotations = { [CosignAnnotation.signature]: bundle.content.messageSignature.signature.toString('base64') };
    const material = bundle.verificationMaterial;
    const certificates = material.content.$case === 'x509CertificateChain' ? material.content.x509CertificateChain.certificates : material.content.$case === 'certificate' ? [material.content.certificate] : [];
    if (certificates.length === 0)
        return annotations; // key-based, offline: the signature is all cosign writes
    const [leaf, ...chain] = certificates;
    annotations[CosignAnnotation.certificate] = toPem(Buffer.from(leaf?.rawBytes ?? []));
    // Fulcio's chain after the leaf, as cosign writes it (cosign `pkg/cosign/fulcio` signer Chain()); a v0.3 bundle
    // carries the leaf only, so the chain comes from Fulcio's answer, else from a chain-carrying bundle.
    const pems = fulcioChain.length > 0 ? fulcioChain.flatMap(pemCertificates).map((der) => toPem(der)) : chain.map((c) => toPem(Buffer.from(c.rawBytes)));
    annotations[CosignAnnotation.chain] = pems.join('');
    const entry = material.tlogEntries[0];
    if (!entry?.inclusionPromise)
        throw new sign_errors/* SigningError */.u('Rekor returned no signed entry timestamp, which the legacy format needs (use a Rekor v1 log)');
    annotations[CosignAnnotation.bundle] = JSON.stringify({
        SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp.toString('base64'),
        Payload: {
            body: entry.canonicalizedBody.toString('base64'),
            integratedTime: Number(entry.integratedTime),
            logIndex: Number(entry.logIndex),
            logID: entry.logId.keyId.toString('hex'),
        },
    });
    const timestamp = material.timestampVerificationData?.rfc3161Timestamps?.[0];
    if (timestamp)
        annotations[CosignAnnotation.timestamp] = JSON.stringify({ SignedRFC3161Timestamp: timestamp.signedTimestamp.toString('base64') });
    return annotations;
}
/** go-containerregistry's config for a signature image: one diff ID (and history entry) per layer. */
function signatureConfig(layers) {
    return Buffer.from(JSON.stringify({
        architecture: '',
        created: '0001-01-01T00:00:00Z',
        history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
        config: {},
    }));
}
/**
 * Adds a signature to the subject's `sha256-<hex>.sig` manifest — one layer per signature, the simple-signing
 * payload as blob, cosign's annotations on the layer — appending to what is there, as cosign does.
 */
async function appendLegacySignature(target, subjectDigest, payload, annotations) {
    const tag = legacySignatureTag(subjectDigest);
    let layers = [];
    try {
        const existing = await target.fetchManifest(tag);
        layers = (0,oci_descriptor/* parseManifest */.Ng)(existing.bytes, existing.descriptor.mediaType).manifest.layers ?? [];
    }
    catch (err) {
        if (!(0,errors/* isNotFound */.c4)(err))
            throw err;
    }
    const layer = (0,oci_descriptor/* plainDescriptor */.UM)({ ...(0,oci_descriptor/* descriptorFor */.RZ)(sign_payload/* simpleSigningMediaType */.K9, payload), annotations });
    const duplicate = layers.some((l) => l.digest === layer.digest && l.annotations?.[CosignAnnotation.signature] === annotations[CosignAnnotation.signature]);
    if (!duplicate)
        layers = [...layers, layer];
    const config = signatureConfig(layers);
    const configDescriptor = (0,oci_descriptor/* descriptorFor */.RZ)(media_types/* MediaType */.zu.ociConfig, config);
    const manifest = { schemaVersion: 2, mediaType: media_types/* MediaType */.zu.ociManifest, config: (0,oci_descriptor/* plainDescriptor */.UM)(configDescriptor), layers };
    const bytes = Buffer.from(JSON.stringify(manifest));
    const descriptor = (0,oci_descriptor/* descriptorFor */.RZ)(media_types/* MediaType */.zu.ociManifest, bytes);
    await Promise.all([(0,attach/* pushIfMissing */._)(target, layer, payload), (0,attach/* pushIfMissing */._)(target, configDescriptor, config)]);
    await target.pushReference(descriptor, bytes, tag);
    return { tag, manifest: descriptor, signatures: layers.length };
}

// EXTERNAL MODULE: ../../packages/core/src/sign/signer.ts + 1 modules
var sign_signer = __nccwpck_require__(814);
// EXTERNAL MODULE: ../../packages/core/src/sign/notation.ts + 1 modules
var notation = __nccwpck_require__(995);
;// CONCATENATED MODULE: ../../packages/core/src/sign/sign.ts







const signatureFormats = ['legacy', 'bundle', 'both'];
const sigstoreBundleMediaType = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/** The signing (leaf) certificate's DER, for a keyless bundle. */
function leafDer(bundle) {
    const material = bundle.verificationMaterial.content;
    const der = material.$case === 'x509CertificateChain' ? material.x509CertificateChain.certificates[0]?.rawBytes : material.$case === 'certificate' ? material.certificate.rawBytes : undefined;
    return der && Buffer.from(der);
}
function certificateIdentity(bundle) {
    const der = leafDer(bundle);
    if (!der)
        return undefined;
    const san = new external_node_crypto_.X509Certificate(der).subjectAltName ?? '';
    return /(?:URI|email):([^,]+)/.exec(san)?.[1];
}
// Fulcio's issuer extensions (github.com/sigstore/fulcio docs/oid-info.md): DER UTF8String in the current OID,
// raw bytes in the deprecated one.
const issuerV2 = '1.3.6.1.4.1.57264.1.8';
const issuerV1 = '1.3.6.1.4.1.57264.1.1';
async function certificateIssuer(bundle) {
    const der = leafDer(bundle);
    if (!der)
        return undefined;
    const { X509Certificate: SigstoreCertificate } = await __nccwpck_require__.e(/* import() */ 137).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5137, 23));
    const certificate = SigstoreCertificate.parse(der);
    const v2 = certificate.extension(issuerV2)?.valueObj.subs[0]?.value;
    return (v2 ?? certificate.extension(issuerV1)?.value)?.toString('utf8');
}
/**
 * Attaches a v0.3 bundle (a DSSE envelope over an in-toto statement of `predicateType`) to `subject` as cosign v3
 * writes it: a referrer with the bundle annotations Flux 2.8+ and `cosign verify` look for.
 */
async function attachSigstoreBundle(target, subject, bundle, predicateType) {
    const { bundleToJSON } = await __nccwpck_require__.e(/* import() */ 124).then(__nccwpck_require__.bind(__nccwpck_require__, 6124));
    return (0,attach/* attachReferrer */.v)(target, subject, {
        artifactType: sigstoreBundleMediaType,
        content: Buffer.from(JSON.stringify(bundleToJSON(bundle))),
        annotations: {
            'dev.sigstore.bundle.content': 'dsse-envelope',
            'dev.sigstore.bundle.predicateType': predicateType,
            'org.opencontainers.image.created': (0,flux/* rfc3339 */.ag)(new Date()),
        },
    });
}
/**
 * Signs a manifest already stored in `target`. `legacy` writes cosign's `sha256-<hex>.sig` manifest (what Flux
 * 2.6+ and cosign v2/v3 verify); `bundle` attaches a v0.3 DSSE bundle as a referrer (cosign v3's default, which
 * Flux 2.8+ verifies); `both` writes both, sharing one certificate.
 */
async function signArtifact(target, subject, options) {
    const signer = options.signer ?? (await (0,sign_signer/* createBundleSigner */.B5)(options.identity));
    const name = target.name;
    const result = {};
    let first;
    if (options.format !== 'bundle') {
        const payload = (0,sign_payload/* simpleSigningPayload */.Kq)(options.repository, subject.digest, options.claims);
        const bundle = await signer.signMessage(payload);
        first ??= bundle;
        const written = await appendLegacySignature(target, subject.digest, payload, legacyAnnotations(bundle, await signer.certificateChain()));
        result.legacyTag = written.tag;
        result.signatureRef = `${name}:${written.tag}`;
    }
    if (options.format !== 'legacy') {
        const bundle = await signer.signStatement((0,sign_payload/* signStatement */.fT)(subject.digest, options.claims));
        first ??= bundle;
        const referrer = await attachSigstoreBundle(target, subject, bundle, sign_payload/* cosignSignPredicateType */.iQ);
        result.referrer = referrer;
        result.signatureRef ??= `${name}@${referrer.digest}`;
    }
    const logIndex = first?.verificationMaterial.tlogEntries[0]?.logIndex;
    if (logIndex !== undefined)
        result.rekorLogIndex = String(logIndex);
    result.identity = (first && certificateIdentity(first)) ?? (options.identity.kind === 'key' ? `key:${(await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 6666))).keyId(options.identity.privateKey)}` : 'unknown');
    const issuer = first && (await certificateIssuer(first));
    if (issuer)
        result.issuer = issuer;
    return result;
}
/** Signing failed after the manifest was stored: nothing was tagged. */
class UntaggedSigningError extends Error {
    constructor(digest, cause) {
        super(`signing ${digest} failed, so no tag was moved (the manifest is stored untagged): ${cause.message}`, { cause });
        this.name = 'UntaggedSigningError';
    }
}
/**
 * A `beforeTag` step for pushArtifact/copy that signs the stored manifest; `result()` gives what it signed.
 * A failure says that no tag moved.
 */
function signBeforeTagging(target, options) {
    let signed;
    return {
        beforeTag: async (descriptor) => {
            try {
                signed = await signArtifact(target, descriptor, options);
            }
            catch (err) {
                throw new UntaggedSigningError(descriptor.digest, err);
            }
        },
        result: () => signed,
    };
}
/**
 * `signBeforeTagging` for many artifacts (components) with one signer: one OIDC token and one Fulcio certificate
 * however many there are. `beforeTag(target, key)` gives each its step, `result(key)` what it signed.
 */
async function signEachBeforeTagging(options) {
    const signer = options.signer ?? (await (0,sign_signer/* createBundleSigner */.B5)(options.identity));
    const steps = new Map();
    return {
        beforeTag: (target, key) => {
            const step = signBeforeTagging(target, { ...options, repository: target.name, signer });
            steps.set(key, step);
            return step.beforeTag;
        },
        result: (key) => steps.get(key)?.result(),
    };
}
/**
 * The Notary Project counterpart of signBeforeTagging: the manifest is signed (a JWS referrer) before any tag
 * moves; `result()` names the signer by its certificate's subject.
 */
function signNotationBeforeTagging(target, signer) {
    let signed;
    return {
        beforeTag: async (descriptor) => {
            try {
                const made = await (0,notation/* signNotation */.Wx)(target, descriptor, { signer });
                const [leaf] = await signer.certificateChain();
                // As notation prints it and verification reports it (Go's pkix.Name.String()).
                const subject = leaf ? (await (0,notation/* parseNotationCertificate */.HZ)(leaf)).subject : 'unknown';
                signed = { signatureRef: made.signatureRef, identity: `x509: ${subject}`, referrer: made.descriptor };
            }
            catch (err) {
                throw new UntaggedSigningError(descriptor.digest, err);
            }
        },
        result: () => signed,
    };
}


/***/ }),

/***/ 814:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  B5: () => (/* binding */ createBundleSigner),
  xe: () => (/* binding */ publicGood)
});

// UNUSED EXPORTS: SigningError

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ../../packages/core/src/sign/keys.ts + 4 modules
var keys = __nccwpck_require__(6666);
// EXTERNAL MODULE: ../../packages/core/src/sign/payload.ts
var payload = __nccwpck_require__(8419);
// EXTERNAL MODULE: ../../packages/core/src/sign/errors.ts
var errors = __nccwpck_require__(962);
// EXTERNAL MODULE: ../../packages/core/src/sign/identity.ts
var identity = __nccwpck_require__(8783);
;// CONCATENATED MODULE: ../../packages/core/src/sign/fulcio.ts




/** The subject Fulcio's challenge signs: the verified email, else `sub` (as sigstore-js `extractJWTSubject`). */
function challengeSubject(token) {
    const claims = (0,identity/* jwtClaims */.vE)(token);
    if (typeof claims.email === 'string' && claims.email) {
        if (!claims.email_verified)
            throw new errors/* SigningError */.u('no usable OIDC token: its email is not verified by the issuer');
        return claims.email;
    }
    if (typeof claims.sub === 'string' && claims.sub)
        return claims.sub;
    throw new errors/* SigningError */.u('no usable OIDC token: it has neither email nor sub');
}
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function requestChain(options, token, publicKey, proof) {
    const url = `${options.url.replace(/\/+$/, '')}/api/v2/signingCert`;
    const body = JSON.stringify({
        credentials: { oidcIdentityToken: token },
        publicKeyRequest: { publicKey: { algorithm: 'ECDSA', content: publicKey }, proofOfPossession: proof.toString('base64') },
    });
    let last = '';
    // Bounded: retries + 1 attempts, each with its own timeout; only network errors and 5xx/429 are retried.
    for (let attempt = 0; attempt <= options.retries; attempt++) {
        if (attempt > 0)
            await pause(Math.min(500 * 2 ** (attempt - 1), 5_000));
        let response;
        try {
            response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body, signal: AbortSignal.timeout(options.timeoutMs) });
        }
        catch (err) {
            last = err.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : `network error (${err.message})`;
            continue;
        }
        if (response.status >= 500 || response.status === 429) {
            last = `HTTP ${response.status}`;
            await response.body?.cancel();
            continue;
        }
        if (!response.ok)
            throw new errors/* SigningError */.u(`Fulcio at ${options.url} did not issue a certificate: HTTP ${response.status}`);
        const json = (await response.json().catch(() => ({})));
        const certificates = (json.signedCertificateEmbeddedSct ?? json.signedCertificateDetachedSct)?.chain?.certificates;
        if (!Array.isArray(certificates) || certificates.length === 0 || !certificates.every((c) => typeof c === 'string')) {
            throw new errors/* SigningError */.u(`Fulcio at ${options.url} answered without a certificate chain`);
        }
        return certificates;
    }
    throw new errors/* SigningError */.u(`Fulcio at ${options.url} did not issue a certificate: ${last} after ${options.retries + 1} attempts`);
}
/**
 * A keyless signer: one Fulcio certificate for an ephemeral key, made on the first signature and reused for every
 * later one (legacy and bundle signatures of a run share it). `chain()` gives Fulcio's chain after the leaf.
 */
function fulcioSigner(privateKey, options) {
    let issued;
    const certificate = () => (issued ??= (async () => {
        let token;
        try {
            token = await options.identity.getToken();
        }
        catch (err) {
            throw new errors/* SigningError */.u(`no OIDC token: ${err.message}`, { cause: err });
        }
        const proof = (0,external_node_crypto_.sign)('sha256', Buffer.from(challengeSubject(token)), privateKey);
        return requestChain(options, token, (0,keys.publicKeyPem)(privateKey), proof);
    })());
    return {
        async sign(data) {
            const [leaf] = await certificate();
            return { signature: (0,external_node_crypto_.sign)('sha256', data, privateKey), key: { $case: 'x509Certificate', certificate: leaf } };
        },
        chain: async () => (await certificate()).slice(1),
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/sign/signer.ts





const publicGood = {
    fulcio: 'https://fulcio.sigstore.dev',
    rekor: 'https://rekor.sigstore.dev',
};

/**
 * Signs with a key we hold: ECDSA P-256 over SHA-256, the scheme cosign and Fulcio certificates use. No key hint:
 * @sigstore/bundle copies the hint into the DSSE signature's `keyid`, and go-securesystemslib's verifier (inside
 * sigstore-go, so cosign v2.6.3+/v3 and Flux 2.8+) skips a signature whose keyid differs from its own (empty)
 * key id — "accepted signatures do not match threshold". cosign writes no keyid (dsse.WrapSigner).
 */
function keySigner(privateKey) {
    const publicKey = (0,keys.publicKeyPem)(privateKey);
    return {
        sign: async (data) => ({ signature: (0,external_node_crypto_.sign)('sha256', data, privateKey), key: { $case: 'publicKey', publicKey } }),
    };
}
/**
 * Names which Sigstore service an @sigstore/sign error came from, in one line. Fulcio is asked by fulcio.ts, whose
 * errors are already SigningErrors naming it; @sigstore/sign reaches only Rekor and the TSA.
 */
function describe(err, identity) {
    if (err instanceof errors/* SigningError */.u)
        return err;
    const rawCode = err.code;
    const code = typeof rawCode === 'string' ? rawCode : '';
    const message = err.message ?? String(err);
    const cause = err.cause?.message;
    const detail = cause && !message.includes(cause) ? `${message}: ${cause}` : message;
    if (code.startsWith('TLOG_') || /tlog|rekor/i.test(message))
        return new errors/* SigningError */.u(`Rekor at ${identity.rekorUrl ?? publicGood.rekor} did not log the signature: ${detail}`, { cause: err });
    if (code.startsWith('TSA_') || /timestamp/i.test(message))
        return new errors/* SigningError */.u(`the timestamp authority at ${identity.tsaUrl ?? ''} did not answer: ${detail}`, { cause: err });
    if (/token/i.test(message))
        return new errors/* SigningError */.u(`no OIDC token: ${detail}`, { cause: err });
    return new errors/* SigningError */.u(`signing failed: ${detail}`, { cause: err });
}
/**
 * A signer for one artifact. Keyless: one ephemeral P-256 key and one Fulcio certificate for every signature
 * it makes (legacy and bundle share them), each signature logged in Rekor v1, whose signed entry timestamp the
 * legacy format needs; optionally an RFC 3161 timestamp. With a key: signatures only, no transparency log
 * (Flux's `verify.secretRef` keys are checked offline). @sigstore/sign is loaded, and the key made, on the first
 * signature: a step that prepares a signer and then pushes nothing (content unchanged) pays for neither.
 */
async function createBundleSigner(identity) {
    let built;
    const signer = () => (built ??= buildBundleSigner(identity));
    return {
        signMessage: async (data) => (await signer()).signMessage(data),
        signStatement: async (statement) => (await signer()).signStatement(statement),
        certificateChain: async () => (await signer()).certificateChain(),
    };
}
async function buildBundleSigner(identity) {
    const sigstore = await Promise.all(/* import() */[__nccwpck_require__.e(124), __nccwpck_require__.e(137), __nccwpck_require__.e(775)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5775));
    if (identity.kind === 'key') {
        const signer = keySigner(identity.privateKey);
        // The hint goes into the verification material only (informational; verifiers take the key they are given).
        const hint = (0,keys.keyId)(identity.privateKey);
        const hinted = (bundle) => {
            const content = bundle.verificationMaterial.content;
            if (content.$case === 'publicKey')
                content.publicKey.hint = hint;
            return bundle;
        };
        return {
            signMessage: async (data) => hinted(await new sigstore.MessageSignatureBundleBuilder({ signer, witnesses: [] }).create({ data })),
            signStatement: async (statement) => hinted(await new sigstore.DSSEBundleBuilder({ signer, witnesses: [] }).create({ data: statement, type: payload/* inTotoPayloadType */.OY })),
            certificateChain: async () => [],
        };
    }
    const fetchOptions = { timeout: identity.timeoutMs ?? 30_000, retry: { retries: identity.retries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 } };
    const { privateKey } = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'prime256v1' });
    const signer = fulcioSigner(privateKey, { url: identity.fulcioUrl ?? publicGood.fulcio, identity: identity.identity, timeoutMs: fetchOptions.timeout, retries: fetchOptions.retry.retries });
    const witnesses = [
        new sigstore.RekorWitness({ rekorBaseURL: identity.rekorUrl ?? publicGood.rekor, majorApiVersion: 1, entryType: 'dsse', fetchOnConflict: true, ...fetchOptions }),
        ...(identity.tsaUrl ? [new sigstore.TSAWitness({ tsaBaseURL: identity.tsaUrl, ...fetchOptions })] : []),
    ];
    const guard = async (build) => {
        try {
            return await build();
        }
        catch (err) {
            throw describe(err, identity);
        }
    };
    return {
        signMessage: (data) => guard(() => new sigstore.MessageSignatureBundleBuilder({ signer, witnesses }).create({ data })),
        signStatement: (statement) => guard(() => new sigstore.DSSEBundleBuilder({ signer, witnesses }).create({ data: statement, type: payload/* inTotoPayloadType */.OY })),
        certificateChain: () => guard(() => signer.chain()),
    };
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 1943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5675:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 6460:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers/promises");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 6745:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var Scalar = __nccwpck_require__(4305);
var YAMLMap = __nccwpck_require__(2938);
var YAMLSeq = __nccwpck_require__(3571);
var resolveBlockMap = __nccwpck_require__(619);
var resolveBlockSeq = __nccwpck_require__(1610);
var resolveFlowCollection = __nccwpck_require__(562);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 6183:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(7977);
var composeNode = __nccwpck_require__(413);
var resolveEnd = __nccwpck_require__(2368);
var resolveProps = __nccwpck_require__(6715);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(5525);
var identity = __nccwpck_require__(1891);
var composeCollection = __nccwpck_require__(6745);
var composeScalar = __nccwpck_require__(1337);
var resolveEnd = __nccwpck_require__(2368);
var utilEmptyScalarPosition = __nccwpck_require__(6827);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 1337:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var Scalar = __nccwpck_require__(4305);
var resolveBlockScalar = __nccwpck_require__(293);
var resolveFlowScalar = __nccwpck_require__(7686);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 4260:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(9082);
var Document = __nccwpck_require__(7977);
var errors = __nccwpck_require__(7460);
var identity = __nccwpck_require__(1891);
var composeDoc = __nccwpck_require__(6183);
var resolveEnd = __nccwpck_require__(2368);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 619:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(5153);
var YAMLMap = __nccwpck_require__(2938);
var resolveProps = __nccwpck_require__(6715);
var utilContainsNewline = __nccwpck_require__(3151);
var utilFlowIndentCheck = __nccwpck_require__(7319);
var utilMapIncludes = __nccwpck_require__(8279);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 293:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(4305);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 1610:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(3571);
var resolveProps = __nccwpck_require__(6715);
var utilFlowIndentCheck = __nccwpck_require__(7319);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 2368:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 562:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var Pair = __nccwpck_require__(5153);
var YAMLMap = __nccwpck_require__(2938);
var YAMLSeq = __nccwpck_require__(3571);
var resolveEnd = __nccwpck_require__(2368);
var resolveProps = __nccwpck_require__(6715);
var utilContainsNewline = __nccwpck_require__(3151);
var utilMapIncludes = __nccwpck_require__(8279);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 7686:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(4305);
var resolveEnd = __nccwpck_require__(2368);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 6715:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 3151:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 6827:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 7319:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(3151);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 8279:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 7977:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(5525);
var Collection = __nccwpck_require__(1633);
var identity = __nccwpck_require__(1891);
var Pair = __nccwpck_require__(5153);
var toJS = __nccwpck_require__(3119);
var Schema = __nccwpck_require__(1148);
var stringifyDocument = __nccwpck_require__(8577);
var anchors = __nccwpck_require__(7048);
var applyReviver = __nccwpck_require__(7817);
var createNode = __nccwpck_require__(7616);
var directives = __nccwpck_require__(9082);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 7048:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var visit = __nccwpck_require__(1360);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 7817:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 7616:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(5525);
var identity = __nccwpck_require__(1891);
var Scalar = __nccwpck_require__(4305);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 9082:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var visit = __nccwpck_require__(1360);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 7460:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 3483:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(4260);
var Document = __nccwpck_require__(7977);
var Schema = __nccwpck_require__(1148);
var errors = __nccwpck_require__(7460);
var Alias = __nccwpck_require__(5525);
var identity = __nccwpck_require__(1891);
var Pair = __nccwpck_require__(5153);
var Scalar = __nccwpck_require__(4305);
var YAMLMap = __nccwpck_require__(2938);
var YAMLSeq = __nccwpck_require__(3571);
var cst = __nccwpck_require__(3921);
var lexer = __nccwpck_require__(1893);
var lineCounter = __nccwpck_require__(2808);
var parser = __nccwpck_require__(3124);
var publicApi = __nccwpck_require__(4563);
var visit = __nccwpck_require__(1360);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
exports.X5 = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
exports.hR = publicApi.parseAllDocuments;
__webpack_unused_export__ = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 6669:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 5525:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(7048);
var visit = __nccwpck_require__(1360);
var identity = __nccwpck_require__(1891);
var Node = __nccwpck_require__(5605);
var toJS = __nccwpck_require__(3119);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 1633:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(7616);
var identity = __nccwpck_require__(1891);
var Node = __nccwpck_require__(5605);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 5605:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(7817);
var identity = __nccwpck_require__(1891);
var toJS = __nccwpck_require__(3119);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 5153:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(7616);
var stringifyPair = __nccwpck_require__(9392);
var addPairToJSMap = __nccwpck_require__(1308);
var identity = __nccwpck_require__(1891);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 4305:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var Node = __nccwpck_require__(5605);
var toJS = __nccwpck_require__(3119);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 2938:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(3008);
var addPairToJSMap = __nccwpck_require__(1308);
var Collection = __nccwpck_require__(1633);
var identity = __nccwpck_require__(1891);
var Pair = __nccwpck_require__(5153);
var Scalar = __nccwpck_require__(4305);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 3571:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(7616);
var stringifyCollection = __nccwpck_require__(3008);
var Collection = __nccwpck_require__(1633);
var identity = __nccwpck_require__(1891);
var Scalar = __nccwpck_require__(4305);
var toJS = __nccwpck_require__(3119);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 1308:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(6669);
var merge = __nccwpck_require__(4376);
var stringify = __nccwpck_require__(3376);
var identity = __nccwpck_require__(1891);
var toJS = __nccwpck_require__(3119);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1891:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 3119:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 6242:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(293);
var resolveFlowScalar = __nccwpck_require__(7686);
var errors = __nccwpck_require__(7460);
var stringifyString = __nccwpck_require__(3665);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 2393:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 5207:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3921:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(6242);
var cstStringify = __nccwpck_require__(2393);
var cstVisit = __nccwpck_require__(5207);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 1893:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3921);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 2808:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3124:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3921);
var lexer = __nccwpck_require__(1893);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4563:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(4260);
var Document = __nccwpck_require__(7977);
var errors = __nccwpck_require__(7460);
var log = __nccwpck_require__(6669);
var identity = __nccwpck_require__(1891);
var lineCounter = __nccwpck_require__(2808);
var parser = __nccwpck_require__(3124);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 1148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var map = __nccwpck_require__(1231);
var seq = __nccwpck_require__(8433);
var string = __nccwpck_require__(3724);
var tags = __nccwpck_require__(8478);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 1231:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var YAMLMap = __nccwpck_require__(2938);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 5940:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(4305);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 8433:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var YAMLSeq = __nccwpck_require__(3571);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 3724:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3665);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 5579:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(4305);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 1433:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(4305);
var stringifyNumber = __nccwpck_require__(3677);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 2790:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(3677);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 9772:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(1231);
var _null = __nccwpck_require__(5940);
var seq = __nccwpck_require__(8433);
var string = __nccwpck_require__(3724);
var bool = __nccwpck_require__(5579);
var float = __nccwpck_require__(1433);
var int = __nccwpck_require__(2790);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 7331:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(4305);
var map = __nccwpck_require__(1231);
var seq = __nccwpck_require__(8433);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 8478:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(1231);
var _null = __nccwpck_require__(5940);
var seq = __nccwpck_require__(8433);
var string = __nccwpck_require__(3724);
var bool = __nccwpck_require__(5579);
var float = __nccwpck_require__(1433);
var int = __nccwpck_require__(2790);
var schema = __nccwpck_require__(9772);
var schema$1 = __nccwpck_require__(7331);
var binary = __nccwpck_require__(743);
var merge = __nccwpck_require__(4376);
var omap = __nccwpck_require__(6683);
var pairs = __nccwpck_require__(7221);
var schema$2 = __nccwpck_require__(3381);
var set = __nccwpck_require__(5340);
var timestamp = __nccwpck_require__(3932);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 743:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(4305);
var stringifyString = __nccwpck_require__(3665);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8514:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(4305);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 2026:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(4305);
var stringifyNumber = __nccwpck_require__(3677);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 7149:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(3677);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 4376:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var Scalar = __nccwpck_require__(4305);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 6683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var toJS = __nccwpck_require__(3119);
var YAMLMap = __nccwpck_require__(2938);
var YAMLSeq = __nccwpck_require__(3571);
var pairs = __nccwpck_require__(7221);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 7221:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var Pair = __nccwpck_require__(5153);
var Scalar = __nccwpck_require__(4305);
var YAMLSeq = __nccwpck_require__(3571);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 3381:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(1231);
var _null = __nccwpck_require__(5940);
var seq = __nccwpck_require__(8433);
var string = __nccwpck_require__(3724);
var binary = __nccwpck_require__(743);
var bool = __nccwpck_require__(8514);
var float = __nccwpck_require__(2026);
var int = __nccwpck_require__(7149);
var merge = __nccwpck_require__(4376);
var omap = __nccwpck_require__(6683);
var pairs = __nccwpck_require__(7221);
var set = __nccwpck_require__(5340);
var timestamp = __nccwpck_require__(3932);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 5340:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var Pair = __nccwpck_require__(5153);
var YAMLMap = __nccwpck_require__(2938);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 3932:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(3677);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 6767:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 3376:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(7048);
var identity = __nccwpck_require__(1891);
var stringifyComment = __nccwpck_require__(2875);
var stringifyString = __nccwpck_require__(3665);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 3008:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var stringify = __nccwpck_require__(3376);
var stringifyComment = __nccwpck_require__(2875);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 2875:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 8577:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var stringify = __nccwpck_require__(3376);
var stringifyComment = __nccwpck_require__(2875);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 3677:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9392:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);
var Scalar = __nccwpck_require__(4305);
var stringify = __nccwpck_require__(3376);
var stringifyComment = __nccwpck_require__(2875);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3665:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(4305);
var foldFlowLines = __nccwpck_require__(6767);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 1360:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1891);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(3018);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
