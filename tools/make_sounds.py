#!/usr/bin/env python3
"""Generate the ceremony's sound effects (drumroll.wav, fanfare.wav).

Both sounds are synthesised from scratch for this project (no samples), using only
numpy and the standard library ``wave`` module. Output: 48 kHz, 16-bit, stereo PCM,
peak-normalised to about -3 dBFS. Deterministic (fixed random seed).

    python3 tools/make_sounds.py            # rewrites the shipped ones in src/ceremony/data/sounds
    python3 tools/make_sounds.py OUTDIR

It lives in tools/, not beside the sounds, because the app never runs it: the wheel carries
only what the show needs.
"""

import os
import sys
import wave

import numpy as np

SR = 48000
PEAK_DBFS = -3.0
rng = np.random.default_rng(2024)


def one_pole_lowpass(x, cutoff):
    """Simple one-pole low-pass filter."""
    a = np.exp(-2.0 * np.pi * cutoff / SR)
    y = np.empty_like(x)
    acc = 0.0
    b = 1.0 - a
    for i in range(len(x)):
        acc = b * x[i] + a * acc
        y[i] = acc
    return y


def highpass(x, cutoff):
    return x - one_pole_lowpass(x, cutoff)


def reverb(stereo, mix=0.18, seconds=1.2):
    """Cheap, smooth 'hall' tail: sum of decaying, slightly different delayed copies per channel."""
    n = stereo.shape[0]
    out = stereo.copy()
    delays_l = [0.0297, 0.0371, 0.0411, 0.0437, 0.0533, 0.0617]
    delays_r = [0.0311, 0.0359, 0.0427, 0.0451, 0.0547, 0.0631]
    for ch, delays in ((0, delays_l), (1, delays_r)):
        wet = np.zeros(n)
        for d in delays:
            k = int(d * SR)
            g = 10 ** (-3.0 * d / seconds)  # feedback gain for an RT60 of `seconds`
            buf = np.zeros(n)
            src = stereo[:, ch]
            # feedback comb: y[i] = x[i-k] + g*y[i-k], evaluated block-wise
            for start in range(k, n, k):
                end = min(start + k, n)
                buf[start:end] = src[start - k : end - k] + g * buf[start - k : end - k]
            wet += buf
        wet = one_pole_lowpass(wet / len(delays), 5000.0)
        out[:, ch] = (1 - mix) * stereo[:, ch] + mix * wet
    return out


def normalise(stereo, peak_dbfs=PEAK_DBFS):
    peak = np.max(np.abs(stereo))
    return stereo * (10 ** (peak_dbfs / 20.0) / peak)


def fade(stereo, fade_in=0.005, fade_out=0.25):
    n = stereo.shape[0]
    env = np.ones(n)
    fi, fo = int(fade_in * SR), int(fade_out * SR)
    env[:fi] = np.linspace(0, 1, fi)
    env[n - fo :] *= np.linspace(1, 0, fo) ** 2
    return stereo * env[:, None]


def write_wav(path, stereo):
    data = np.clip(np.round(stereo * 32767), -32768, 32767).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes(data.tobytes())


# --------------------------------------------------------------------------- drumroll
def snare_stroke(level, length=0.14):
    n = int(length * SR)
    t = np.arange(n) / SR
    noise = rng.standard_normal(n)
    noise = highpass(noise, 1800.0)  # snare wires: bright noise
    wires = noise * np.exp(-t / 0.045)
    body = np.sin(2 * np.pi * 185 * t) * np.exp(-t / 0.025)  # drum head
    body += 0.5 * np.sin(2 * np.pi * 330 * t) * np.exp(-t / 0.015)
    click = np.exp(-t / 0.002) * rng.standard_normal(n) * 0.6
    return level * (0.75 * wires + 0.55 * body + click)


def drumroll(seconds=4.0):
    n = int(seconds * SR)
    out = np.zeros((n + SR, 2))
    t = 0.0
    roll_end = seconds - 0.35
    while t < roll_end:
        p = t / roll_end  # 0 -> 1 progress
        rate = 14.0 + 16.0 * p**1.3  # strokes per second, accelerating
        level = 0.32 + 0.68 * p**1.5  # crescendo
        level *= 0.85 + 0.3 * rng.random()  # human variation
        hand = int(t * rate) % 2  # alternate sticking -> slight stereo
        pan = 0.42 + 0.16 * hand + 0.04 * rng.standard_normal()
        s = snare_stroke(level)
        i = int(t * SR)
        out[i : i + len(s), 0] += s * np.sqrt(1 - pan)
        out[i : i + len(s), 1] += s * np.sqrt(pan)
        t += (1.0 / rate) * (0.92 + 0.16 * rng.random())
    # final accent: strong snare + low "bass drum" thump + short cymbal-ish wash
    i = int(roll_end * SR) + int(0.05 * SR)
    acc = snare_stroke(1.0, 0.5)
    m = int(0.6 * SR)
    tt = np.arange(m) / SR
    kick = 0.8 * np.sin(2 * np.pi * (55 + 60 * np.exp(-tt / 0.03)) * tt) * np.exp(-tt / 0.18)
    wash = highpass(rng.standard_normal(m), 5000.0) * np.exp(-tt / 0.22) * 0.35
    out[i : i + len(acc), :] += acc[:, None] * 0.7
    out[i : i + m, 0] += kick + wash * 0.8
    out[i : i + m, 1] += kick + wash * 1.2
    out = out[:n]
    out = reverb(out, mix=0.16, seconds=0.9)
    return normalise(fade(out, fade_out=0.12))


# --------------------------------------------------------------------------- fanfare
def brass_note(freq, dur, start_bright=0.25, vibrato=True):
    n = int(dur * SR)
    t = np.arange(n) / SR
    # slight pitch scoop at the attack, then gentle vibrato
    f = freq * (1 - 0.012 * np.exp(-t / 0.03))
    if vibrato:
        f = f * (1 + 0.004 * np.sin(2 * np.pi * 5.2 * t) * np.clip((t - 0.25) / 0.3, 0, 1))
    phase = 2 * np.pi * np.cumsum(f) / SR
    # brightness rises quickly during the attack then relaxes a little (brassy "blat")
    bright = start_bright + 0.75 * (1 - np.exp(-t / 0.05)) - 0.2 * (1 - np.exp(-t / 0.6))
    sig = np.zeros(n)
    for h in range(1, 16):
        if freq * h > 16000:
            break
        amp = (1.0 / h**0.85) * bright ** ((h - 1) * 0.55)
        sig += amp * np.sin(h * phase)
    env = np.minimum(1, t / 0.035) * (0.82 + 0.18 * np.exp(-t / 0.12))
    rel = int(0.08 * SR)
    env[-rel:] *= np.linspace(1, 0, rel)
    return sig * env


def fanfare(seconds=3.0):
    n = int(seconds * SR)
    out = np.zeros((n, 2))
    # B-flat major: short arpeggio up, then a held full chord
    notes = [  # (freq Hz, start s, dur s, pan 0..1, gain)
        (233.08, 0.00, 0.20, 0.35, 0.9),  # Bb3
        (293.66, 0.17, 0.20, 0.55, 0.85),  # D4
        (349.23, 0.34, 0.20, 0.45, 0.85),  # F4
        (466.16, 0.51, 0.22, 0.60, 0.8),  # Bb4
        # held chord
        (116.54, 0.72, 2.20, 0.50, 0.55),  # Bb2 (low brass)
        (233.08, 0.72, 2.20, 0.30, 0.6),  # Bb3
        (293.66, 0.72, 2.20, 0.70, 0.55),  # D4
        (349.23, 0.72, 2.20, 0.40, 0.55),  # F4
        (466.16, 0.72, 2.20, 0.62, 0.5),  # Bb4
        (587.33, 0.72, 2.20, 0.48, 0.45),  # D5 (trumpet top)
    ]
    for freq, start, dur, pan, gain in notes:
        s = brass_note(freq, dur) * gain
        i = int(start * SR)
        e = min(n, i + len(s))
        out[i:e, 0] += s[: e - i] * np.sqrt(1 - pan)
        out[i:e, 1] += s[: e - i] * np.sqrt(pan)
    # soft timpani-like hit under the chord
    m = int(1.2 * SR)
    tt = np.arange(m) / SR
    timp = np.sin(2 * np.pi * 58.27 * tt) * np.exp(-tt / 0.45) * 1.2
    i = int(0.72 * SR)
    out[i : i + m, :] += timp[:, None]
    out = reverb(out, mix=0.22, seconds=1.6)
    return normalise(fade(out, fade_out=0.5))


def main():
    shipped = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "ceremony", "data", "sounds")
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(shipped)
    os.makedirs(outdir, exist_ok=True)
    write_wav(os.path.join(outdir, "drumroll.wav"), drumroll())
    write_wav(os.path.join(outdir, "fanfare.wav"), fanfare())
    print("wrote drumroll.wav and fanfare.wav to", outdir)


if __name__ == "__main__":
    main()
