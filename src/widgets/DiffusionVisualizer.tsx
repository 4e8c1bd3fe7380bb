/**
 * The forward diffusion process on a real picture: move the timestep and watch noise replace the signal, on the
 * linear or the cosine schedule. The "undo" view uses the exact noise that was added, and says so: it shows the
 * equations at work, not a trained model. A thin view over src/lib/diffusion.ts.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import {
  alphaBar,
  createGaussian,
  forward,
  gaussianNoise,
  noiseSchedule,
  predictX0,
  type ScheduleKind,
} from '../lib/diffusion';
import { demoImages, fromRgba, IMAGE_SIZE, toRgba } from '../lib/demo-images';
import SeedControl from './SeedControl';
import { useEarlyInput } from './early-input';
import './diffusion.css';

const STEPS = 1000;
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const schedules = { linear: noiseSchedule('linear', STEPS), cosine: noiseSchedule('cosine', STEPS) };
const percent = (value: number) => `${Math.round(value * 100)}%`;

export default function DiffusionVisualizer() {
  const id = useId();
  const [imageId, setImageId] = useState(demoImages[0]?.id ?? '');
  const [uploaded, setUploaded] = useState<Float64Array | undefined>();
  const [uploadMessage, setUploadMessage] = useState('');
  const [kind, setKind] = useState<ScheduleKind>('linear');
  const [t, setT] = useState(250);
  const [seed, setSeed] = useState(7);
  const [playing, setPlaying] = useState(false);
  const root = useRef<HTMLElement>(null);
  const live = useEarlyInput(root);

  const x0 =
    imageId === 'upload' && uploaded
      ? uploaded
      : (demoImages.find((image) => image.id === imageId) ?? demoImages[0])?.pixels;
  const noise = useMemo(() => gaussianNoise(IMAGE_SIZE * IMAGE_SIZE * 3, createGaussian(seed)), [seed]);
  const schedule = schedules[kind];
  const { xt, signal, noiseLevel } = useMemo(() => forward(x0 ?? [], noise, t, schedule), [x0, noise, t, schedule]);
  const restored = useMemo(() => (t === 0 ? xt : predictX0(xt, noise, t, schedule)), [xt, noise, t, schedule]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setT((current) => {
        if (current >= STEPS) {
          setPlaying(false);
          return STEPS;
        }
        return Math.min(STEPS, current + 10);
      });
    }, 50);
    return () => clearInterval(timer);
  }, [playing]);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setUploadMessage('That file is larger than 10 MB. Choose a smaller picture.');
      return;
    }
    try {
      const bitmap = await createImageBitmap(file);
      const canvas = document.createElement('canvas');
      canvas.width = IMAGE_SIZE;
      canvas.height = IMAGE_SIZE;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      // Centre-crop to a square, then scale down: the picture never leaves this browser.
      const side = Math.min(bitmap.width, bitmap.height);
      context.drawImage(
        bitmap,
        (bitmap.width - side) / 2,
        (bitmap.height - side) / 2,
        side,
        side,
        0,
        0,
        IMAGE_SIZE,
        IMAGE_SIZE,
      );
      setUploaded(fromRgba(context.getImageData(0, 0, IMAGE_SIZE, IMAGE_SIZE).data));
      setImageId('upload');
      setUploadMessage(
        `Using your picture, ${bitmap.width} × ${bitmap.height} pixels, scaled to ${IMAGE_SIZE} × ${IMAGE_SIZE}.`,
      );
    } catch {
      setUploadMessage('That file is not a picture this browser can read. Use a PNG, JPEG or WebP image.');
    }
  };

  return (
    <section class="diffusion" aria-labelledby={`${id}-title`} ref={root}>
      <h3 id={`${id}-title`} class="diffusion__title">
        Try it: adding noise step by step
      </h3>
      <div class="diffusion__controls">
        <label>
          <span>Picture</span>
          <select value={imageId} onChange={(event) => setImageId(event.currentTarget.value)}>
            {demoImages.map((image) => (
              <option value={image.id}>{image.name}</option>
            ))}
            {uploaded && <option value="upload">Your picture</option>}
          </select>
        </label>
        <label>
          <span>Noise schedule</span>
          <select value={kind} onChange={(event) => setKind(event.currentTarget.value as ScheduleKind)}>
            <option value="linear">Linear (DDPM)</option>
            <option value="cosine">Cosine</option>
          </select>
        </label>
        <SeedControl label="Noise seed" value={seed} onChange={setSeed} />
        <label>
          <span>Your own picture</span>
          <input
            type="file"
            accept="image/png,image/jpeg,image/webp"
            onChange={(event) => void upload(event.currentTarget.files?.[0])}
          />
        </label>
      </div>
      {uploadMessage && (
        <p class="diffusion__message" role="status">
          {uploadMessage}
        </p>
      )}
      <div class="diffusion__time">
        <label for={`${id}-t`}>
          Timestep <output for={`${id}-t`}>{t}</output> of {STEPS}
        </label>
        <input
          id={`${id}-t`}
          type="range"
          min="0"
          max={STEPS}
          step="1"
          value={t}
          onInput={(event) => setT(Number(event.currentTarget.value))}
        />
        <div class="diffusion__buttons">
          <button
            type="button"
            class="button"
            disabled={!live}
            onClick={() => {
              if (!playing && t >= STEPS) setT(0);
              setPlaying(!playing);
            }}
          >
            {playing ? 'Pause' : 'Play'}
          </button>
          <button
            type="button"
            class="button button--quiet"
            disabled={!live}
            onClick={() => setT(Math.min(STEPS, t + 50))}
          >
            Step +50
          </button>
          <button type="button" class="button button--quiet" disabled={!live} onClick={() => setT(0)}>
            Back to the picture
          </button>
        </div>
      </div>
      <p class="diffusion__levels">
        Signal √ᾱ = {signal.toFixed(3)} · noise √(1 − ᾱ) = {noiseLevel.toFixed(3)}: the picture keeps{' '}
        {percent(signal ** 2)} of its variance.
      </p>
      <div class="diffusion__views">
        <Picture pixels={xt} caption={`Noisy picture x at step ${t}`} />
        <Picture pixels={noise} caption="The noise ε that is mixed in" />
        <Picture pixels={restored} caption="Undone with the known noise (not a model: it knows the answer)" />
      </div>
      <AlphaBarChart t={t} />
    </section>
  );
}

function Picture({ pixels, caption }: { pixels: ArrayLike<number>; caption: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || pixels.length !== IMAGE_SIZE * IMAGE_SIZE * 3) return;
    context.putImageData(new ImageData(toRgba(pixels), IMAGE_SIZE, IMAGE_SIZE), 0, 0);
  }, [pixels]);
  return (
    <figure class="diffusion__picture">
      <canvas ref={canvas} width={IMAGE_SIZE} height={IMAGE_SIZE} role="img" aria-label={caption} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** ᾱ over the steps for both schedules, with the current step marked; the numbers are given as text too. */
function AlphaBarChart({ t }: { t: number }) {
  const width = 320;
  const height = 140;
  const x = (step: number) => 30 + (step / STEPS) * (width - 40);
  const y = (value: number) => 10 + (1 - value) * (height - 40);
  const line = (kind: ScheduleKind) =>
    Array.from({ length: 51 }, (_, i) => i * 20)
      .map((step) => `${x(step).toFixed(1)},${y(alphaBar(schedules[kind], step)).toFixed(1)}`)
      .join(' ');
  const linear = alphaBar(schedules.linear, t);
  const cosine = alphaBar(schedules.cosine, t);
  return (
    <figure class="diffusion__chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style="max-width: 440px" aria-hidden="true">
        <line x1="30" x2={width - 10} y1={y(0)} y2={y(0)} stroke="currentColor" stroke-opacity="0.4" />
        <line x1="30" x2="30" y1={y(1)} y2={y(0)} stroke="currentColor" stroke-opacity="0.4" />
        <polyline points={line('linear')} fill="none" stroke="var(--accent)" stroke-width="2.5" />
        <polyline points={line('cosine')} fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="5 4" />
        <line x1={x(t)} x2={x(t)} y1={y(1)} y2={y(0)} stroke="currentColor" stroke-width="1.5" />
        <text x="4" y={y(1) + 4} font-size="11" fill="currentColor">
          1
        </text>
        <text x="4" y={y(0) + 4} font-size="11" fill="currentColor">
          0
        </text>
        <text x={width - 10} y={height - 6} font-size="11" fill="currentColor" text-anchor="end">
          step {STEPS}
        </text>
      </svg>
      <figcaption>
        Signal left (ᾱ) over the steps: solid line linear, dashed line cosine. At step {t}, linear keeps ᾱ ={' '}
        {linear.toFixed(3)} and cosine ᾱ = {cosine.toFixed(3)}.
      </figcaption>
    </figure>
  );
}
