/**
 * Choosing a picture for a clinic exercise: a PNG or JPEG file, checked at once by its bytes
 * (type, size, pixel size, and that the browser can open it) with the sentence that says what to
 * fix; a preview; a button to drop the chosen file; and the picture's text description.
 */
import { useId, useRef, useState } from 'react';
import type { Illustration } from '../../../shared/clinical/exercises/exercise';
import {
  inspectImage,
  MAX_IMAGE_BYTES,
  MIN_IMAGE_SIDE,
  NOT_AN_IMAGE_MESSAGE,
  sniffImageType,
  tooLargeMessage,
} from '../../../shared/domain/exercise-image';
import { TextAreaField } from '../ui/fields';
import { ExercisePicture } from './ExercisePicture';
import { bytesToBase64 } from './pictures';

export interface ChosenFile {
  readonly fileName: string;
  readonly dataBase64: string;
  readonly dataUrl: string;
  readonly width: number;
  readonly height: number;
  readonly byteSize: number;
}

const UNREADABLE =
  'This picture could not be opened: it may be damaged. Export it again as PNG or JPEG and choose the new file.';

async function readChosenFile(file: File): Promise<ChosenFile | { error: string }> {
  if (file.size > MAX_IMAGE_BYTES) {
    // Read only the first bytes: enough to tell a large photo from a file that is no picture at all.
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    return { error: sniffImageType(head) ? tooLargeMessage(file.size) : NOT_AN_IMAGE_MESSAGE };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const check = inspectImage(bytes);
  if (!check.ok) return { error: check.message };
  const dataBase64 = bytesToBase64(bytes);
  const dataUrl = `data:${check.mediaType};base64,${dataBase64}`;
  try {
    const img = new Image();
    img.src = dataUrl;
    await img.decode();
  } catch {
    return { error: UNREADABLE };
  }
  return {
    fileName: file.name,
    dataBase64,
    dataUrl,
    width: check.width,
    height: check.height,
    byteSize: check.byteSize,
  };
}

export function PictureField({
  name,
  current,
  chosen,
  onChoose,
  description,
  onDescription,
  error,
  descriptionError,
}: {
  /** The exercise's name, for the preview's title. */
  name: string;
  /** The picture the exercise has now (its own, or the copied built-in's drawing), if any. */
  current: Illustration | null;
  chosen: ChosenFile | null;
  onChoose(file: ChosenFile | null): void;
  description: string;
  onDescription(text: string): void;
  error?: string | undefined;
  descriptionError?: string | undefined;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const shownError = fileError ?? error;

  async function onFile(file: File | undefined) {
    if (!file) return;
    setReading(true);
    const result = await readChosenFile(file);
    setReading(false);
    if ('error' in result) {
      setFileError(result.error);
      if (input.current) input.current.value = '';
      return;
    }
    setFileError(null);
    onChoose(result);
  }

  function clear() {
    onChoose(null);
    setFileError(null);
    if (input.current) input.current.value = '';
    input.current?.focus();
  }

  const describedBy = [`${id}-hint`, shownError ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className={`picture-field${shownError ? ' field--invalid' : ''}`}>
      <legend className="field__label">Picture</legend>
      <div className="picture-field__body">
        <div className="picture-field__preview">
          {chosen ? (
            <div className="exercise-picture exercise-picture--card">
              <img className="exercise-picture__img" src={chosen.dataUrl} alt={description || 'The chosen picture'} />
            </div>
          ) : current ? (
            <ExercisePicture exercise={{ id: 'preview', name, illustration: current }} size="card" />
          ) : (
            <div className="exercise-picture exercise-picture--card picture-field__empty">No picture yet</div>
          )}
          <p className="picture-field__status" aria-live="polite">
            {reading
              ? 'Checking the file…'
              : chosen
                ? `New picture: ${chosen.fileName}, ${chosen.width} × ${chosen.height} pixels`
                : current
                  ? current.kind === 'pose'
                    ? 'Current picture: the drawing'
                    : 'Current picture: the uploaded file'
                  : null}
          </p>
        </div>
        <div className="picture-field__controls">
          <label className="field__label" htmlFor={`${id}-file`}>
            {current || chosen ? 'Choose another PNG or JPEG file' : 'Choose a PNG or JPEG file'}
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            className="picture-field__input"
            type="file"
            accept="image/png,image/jpeg"
            aria-describedby={describedBy}
            aria-invalid={shownError ? true : undefined}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
          <p id={`${id}-hint`} className="field__hint">
            A clear photo or drawing of the exercise: PNG or JPEG, under {MAX_IMAGE_BYTES / (1024 * 1024)} MB, at least{' '}
            {MIN_IMAGE_SIDE} pixels on each side.
          </p>
          {shownError ? (
            <p id={`${id}-error`} className="field__error" role="alert">
              {shownError}
            </p>
          ) : null}
          {chosen ? (
            <button type="button" className="button button--secondary button--small" onClick={clear}>
              {current ? 'Keep the current picture instead' : 'Remove the chosen file'}
            </button>
          ) : null}
          <TextAreaField
            label="Picture description"
            value={description}
            onChange={onDescription}
            error={descriptionError}
            rows={2}
            maxLength={400}
            hint="What the picture shows, in a sentence: read aloud by screen readers, and printed if the picture cannot be."
          />
        </div>
      </div>
    </fieldset>
  );
}
