<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Check</name>
    <message>
        <source>{script}: {count} error</source>
        <translation>{script}: {count} error</translation>
    </message>
    <message>
        <source>{script}: {count} errors</source>
        <translation>{script}: {count} errors</translation>
    </message>
    <message>
        <source>{script}: {count} pre-show check failed</source>
        <translation>{script}: {count} pre-show check failed</translation>
    </message>
    <message>
        <source>{script}: {count} pre-show checks failed</source>
        <translation>{script}: {count} pre-show checks failed</translation>
    </message>
    <message>
        <source>{script}: ok, {count} slide</source>
        <translation>{script}: ok, {count} slide</translation>
    </message>
    <message>
        <source>{script}: ok, {count} slides</source>
        <translation>{script}: ok, {count} slides</translation>
    </message>
    <message>
        <source>, {count} warning</source>
        <translation>, {count} warning</translation>
    </message>
    <message>
        <source>, {count} warnings</source>
        <translation>, {count} warnings</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>green</source>
        <translation>green</translation>
    </message>
    <message>
        <source>amber</source>
        <translation>amber</translation>
    </message>
    <message>
        <source>red</source>
        <translation>red</translation>
    </message>
    <message>
        <source>Test the clicker: press Next, Previous and Black on it — the Clicker line turns green when the key tester has seen all three.</source>
        <translation>Test the clicker: press Next, Previous and Black on it — the Clicker line turns green when the key tester has seen all three.</translation>
    </message>
    <message>
        <source>PRE-SHOW CHECKLIST</source>
        <translation>PRE-SHOW CHECKLIST</translation>
    </message>
    <message>
        <source>Play test tone</source>
        <translation>Play test tone</translation>
    </message>
    <message>
        <source>One second of 1 kHz at -20 dBFS on the sound output, heard even in a blackout</source>
        <translation>One second of 1 kHz at -20 dBFS on the sound output, heard even in a blackout</translation>
    </message>
    <message>
        <source>No checks yet</source>
        <translation>No checks yet</translation>
    </message>
    <message>
        <source>The one check is green</source>
        <translation>The one check is green</translation>
    </message>
    <message>
        <source>All {count} checks green</source>
        <translation>All {count} checks green</translation>
    </message>
    <message>
        <source>{count} red</source>
        <translation>{count} red</translation>
    </message>
    <message>
        <source>1 red</source>
        <translation>1 red</translation>
    </message>
    <message>
        <source>1 amber</source>
        <translation>1 amber</translation>
    </message>
    <message>
        <source>{count} amber</source>
        <translation>{count} amber</translation>
    </message>
    <message>
        <source>{counts} of 1 check</source>
        <translation>{counts} of 1 check</translation>
    </message>
    <message>
        <source>{counts} of {count} checks</source>
        <translation>{counts} of {count} checks</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>the slide script (default: ./{script})</source>
        <translation>the slide script (default: ./{script})</translation>
    </message>
    <message>
        <source>the language of ceremony&apos;s windows and messages: nb or en (remembered; by default the system&apos;s)</source>
        <translation>the language of ceremony&apos;s windows and messages: nb or en (remembered; by default the system&apos;s)</translation>
    </message>
    <message>
        <source>Run a live award show: a fullscreen stage display driven from a presenter window.</source>
        <translation>Run a live award show: a fullscreen stage display driven from a presenter window.</translation>
    </message>
    <message>
        <source>other commands: &apos;ceremony new FOLDER&apos;, &apos;ceremony check [SCRIPT]&apos;, &apos;ceremony schema&apos;, &apos;ceremony export [SCRIPT] …&apos; (each has --help)</source>
        <translation>other commands: &apos;ceremony new FOLDER&apos;, &apos;ceremony check [SCRIPT]&apos;, &apos;ceremony schema&apos;, &apos;ceremony export [SCRIPT] …&apos; (each has --help)</translation>
    </message>
    <message>
        <source>show the stage in a window, not fullscreen</source>
        <translation>show the stage in a window, not fullscreen</translation>
    </message>
    <message>
        <source>the stage&apos;s screen, by number (0, 1, …) or name</source>
        <translation>the stage&apos;s screen, by number (0, 1, …) or name</translation>
    </message>
    <message>
        <source>the host&apos;s confidence monitor&apos;s screen, by number or name</source>
        <translation>the host&apos;s confidence monitor&apos;s screen, by number or name</translation>
    </message>
    <message>
        <source>flip the confidence monitor for a teleprompter glass</source>
        <translation>flip the confidence monitor for a teleprompter glass</translation>
    </message>
    <message>
        <source>rehearsal: every reveal uses a stand-in winner</source>
        <translation>rehearsal: every reveal uses a stand-in winner</translation>
    </message>
    <message>
        <source>in rehearsal, the stand-in winner (default: random)</source>
        <translation>in rehearsal, the stand-in winner (default: random)</translation>
    </message>
    <message>
        <source>resume the show where it was (after a crash)</source>
        <translation>resume the show where it was (after a crash)</translation>
    </message>
    <message>
        <source>start from the first cue, without asking to resume</source>
        <translation>start from the first cue, without asking to resume</translation>
    </message>
    <message>
        <source>serve the remote control (HTTP, WebSocket, OSC)</source>
        <translation>serve the remote control (HTTP, WebSocket, OSC)</translation>
    </message>
    <message>
        <source>the remote control&apos;s port (default: settings)</source>
        <translation>the remote control&apos;s port (default: settings)</translation>
    </message>
    <message>
        <source>mirror the show of a leader (http://host:port) as a follower</source>
        <translation>mirror the show of a leader (http://host:port) as a follower</translation>
    </message>
    <message>
        <source>with --follow: be the host&apos;s confidence monitor (fullscreen where the stage would go, or on --confidence-screen), with no stage window</source>
        <translation>with --follow: be the host&apos;s confidence monitor (fullscreen where the stage would go, or on --confidence-screen), with no stage window</translation>
    </message>
    <message>
        <source>a file with the leader&apos;s token, for --follow (or set CEREMONY_TOKEN)</source>
        <translation>a file with the leader&apos;s token, for --follow (or set CEREMONY_TOKEN)</translation>
    </message>
    <message>
        <source>the leader&apos;s token on the command line (every user sees it in ps: avoid)</source>
        <translation>the leader&apos;s token on the command line (every user sees it in ps: avoid)</translation>
    </message>
    <message>
        <source>the sound output, by name (see the checklist; default: the system&apos;s)</source>
        <translation>the sound output, by name (see the checklist; default: the system&apos;s)</translation>
    </message>
    <message>
        <source>play films and sounds silently (rehearse without sound)</source>
        <translation>play films and sounds silently (rehearse without sound)</translation>
    </message>
    <message>
        <source>Validate a slide script and its assets.</source>
        <translation>Validate a slide script and its assets.</translation>
    </message>
    <message>
        <source>treat warnings as errors</source>
        <translation>treat warnings as errors</translation>
    </message>
    <message>
        <source>also run the pre-show checks that need no screen (fonts, assets)</source>
        <translation>also run the pre-show checks that need no screen (fonts, assets)</translation>
    </message>
    <message>
        <source>Print the slide script&apos;s JSON Schema.</source>
        <translation>Print the slide script&apos;s JSON Schema.</translation>
    </message>
    <message>
        <source>print the field reference as Markdown instead</source>
        <translation>print the field reference as Markdown instead</translation>
    </message>
    <message>
        <source>Write a new show to start from: a slide script with every kind of slide, its schema, placeholder pictures and a README.</source>
        <translation>Write a new show to start from: a slide script with every kind of slide, its schema, placeholder pictures and a README.</translation>
    </message>
    <message>
        <source>the new show&apos;s folder (made if missing; must be empty)</source>
        <translation>the new show&apos;s folder (made if missing; must be empty)</translation>
    </message>
    <message>
        <source>the show&apos;s language: nb (Norwegian bokmål, the default) or en (English)</source>
        <translation>the show&apos;s language: nb (Norwegian bokmål, the default) or en (English)</translation>
    </message>
    <message>
        <source>ceremony new: error: {error}</source>
        <translation>ceremony new: error: {error}</translation>
    </message>
    <message>
        <source>ceremony new: wrote {count} files to {folder}</source>
        <translation>ceremony new: wrote {count} files to {folder}</translation>
    </message>
    <message>
        <source>next: edit {script}, then &apos;ceremony check --strict {script}&apos; and &apos;ceremony {script}&apos;</source>
        <translation>next: edit {script}, then &apos;ceremony check --strict {script}&apos; and &apos;ceremony {script}&apos;</translation>
    </message>
    <message>
        <source>Export the show to PDF, PNGs, cue cards or frames.</source>
        <translation>Export the show to PDF, PNGs, cue cards or frames.</translation>
    </message>
    <message>
        <source>ceremony: error: --confidence makes a follower the host&apos;s monitor: give the leader with --follow URL (on the show machine itself, use --confidence-screen)</source>
        <translation>ceremony: error: --confidence makes a follower the host&apos;s monitor: give the leader with --follow URL (on the show machine itself, use --confidence-screen)</translation>
    </message>
    <message>
        <source>ceremony: {error}</source>
        <translation>ceremony: {error}</translation>
    </message>
    <message>
        <source>ceremony: warning: {warning}</source>
        <translation>ceremony: warning: {warning}</translation>
    </message>
    <message>
        <source>--token on the command line is visible to every user of this machine (ps, /proc); use CEREMONY_TOKEN=… or --token-file FILE instead</source>
        <translation>--token on the command line is visible to every user of this machine (ps, /proc); use CEREMONY_TOKEN=… or --token-file FILE instead</translation>
    </message>
    <message>
        <source>{folder} is a file; give a folder for the new show</source>
        <translation>{folder} is a file; give a folder for the new show</translation>
    </message>
    <message>
        <source>{folder} is not empty; &apos;ceremony new&apos; writes a show into a new or empty folder</source>
        <translation>{folder} is not empty; &apos;ceremony new&apos; writes a show into a new or empty folder</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Go to the next cue; at the suspense step, fire the reveal once the suspense has run.</source>
        <translation>Go to the next cue; at the suspense step, fire the reveal once the suspense has run.</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Go back one cue; leaving a revealed winner asks for confirmation.</source>
        <translation>Go back one cue; leaving a revealed winner asks for confirmation.</translation>
    </message>
    <message>
        <source>First</source>
        <translation>First</translation>
    </message>
    <message>
        <source>Go to the first cue.</source>
        <translation>Go to the first cue.</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Go to the last cue (never into an unrevealed winner).</source>
        <translation>Go to the last cue (never into an unrevealed winner).</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Go to</translation>
    </message>
    <message>
        <source>Go to a cue by id, slide id or number (1-based).</source>
        <translation>Go to a cue by id, slide id or number (1-based).</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Black</translation>
    </message>
    <message>
        <source>Black out the stage, or bring it back.</source>
        <translation>Black out the stage, or bring it back.</translation>
    </message>
    <message>
        <source>White</source>
        <translation>White</translation>
    </message>
    <message>
        <source>White out the stage, or bring it back.</source>
        <translation>White out the stage, or bring it back.</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Freeze</translation>
    </message>
    <message>
        <source>Freeze the stage on what it shows while the presenter keeps moving; again to unfreeze.</source>
        <translation>Freeze the stage on what it shows while the presenter keeps moving; again to unfreeze.</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <source>Fire the armed reveal now, without waiting for the suspense to run out.</source>
        <translation>Fire the armed reveal now, without waiting for the suspense to run out.</translation>
    </message>
    <message>
        <source>Pick the winner</source>
        <translation>Pick the winner</translation>
    </message>
    <message>
        <source>Key in the winner the host reads (nominee number, 1-based), at the reveal&apos;s suspense step.</source>
        <translation>Key in the winner the host reads (nominee number, 1-based), at the reveal&apos;s suspense step.</translation>
    </message>
    <message>
        <source>Confirm the winner</source>
        <translation>Confirm the winner</translation>
    </message>
    <message>
        <source>Confirm the winner keyed in with 1–3 (only while one is keyed in, at the suspense step).</source>
        <translation>Confirm the winner keyed in with 1–3 (only while one is keyed in, at the suspense step).</translation>
    </message>
    <message>
        <source>Use the script&apos;s winner</source>
        <translation>Use the script&apos;s winner</translation>
    </message>
    <message>
        <source>The name read differs from the script: reveal the script&apos;s winner.</source>
        <translation>The name read differs from the script: reveal the script&apos;s winner.</translation>
    </message>
    <message>
        <source>Use the winner read out</source>
        <translation>Use the winner read out</translation>
    </message>
    <message>
        <source>The name read differs from the script: reveal the name the host read.</source>
        <translation>The name read differs from the script: reveal the name the host read.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Carry out the action waiting for confirmation.</source>
        <translation>Carry out the action waiting for confirmation.</translation>
    </message>
    <message>
        <source>Reset the reveal</source>
        <translation>Reset the reveal</translation>
    </message>
    <message>
        <source>Forget a class&apos;s revealed winner (the current cue&apos;s class by default) so it can be revealed again; asks for confirmation.</source>
        <translation>Forget a class&apos;s revealed winner (the current cue&apos;s class by default) so it can be revealed again; asks for confirmation.</translation>
    </message>
    <message>
        <source>Rehearsal mode</source>
        <translation>Rehearsal mode</translation>
    </message>
    <message>
        <source>Rehearsal on/off: reveals use stand-ins drawn without looking at the winner. Only before the show starts.</source>
        <translation>Rehearsal on/off: reveals use stand-ins drawn without looking at the winner. Only before the show starts.</translation>
    </message>
    <message>
        <source>Winner in the preview</source>
        <translation>Winner in the preview</translation>
    </message>
    <message>
        <source>Let the Next preview show reveals with their winner.</source>
        <translation>Let the Next preview show reveals with their winner.</translation>
    </message>
    <message>
        <source>Start the show</source>
        <translation>Start the show</translation>
    </message>
    <message>
        <source>Start the show clock if it is not running; never leaves fullscreen or quits.</source>
        <translation>Start the show clock if it is not running; never leaves fullscreen or quits.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel a pending confirmation or envelope mismatch; never quits.</source>
        <translation>Cancel a pending confirmation or envelope mismatch; never quits.</translation>
    </message>
    <message>
        <source>Message to the host</source>
        <extracomment>The longest message the confidence monitor is asked to show (it is read from metres away).</extracomment>
        <translation>Message to the host</translation>
    </message>
    <message>
        <source>Put a private message on the host&apos;s confidence monitor (never on the stage); a message that is only a duration, such as &apos;30 s&apos;, counts down there.</source>
        <translation>Put a private message on the host&apos;s confidence monitor (never on the stage); a message that is only a duration, such as &apos;30 s&apos;, counts down there.</translation>
    </message>
    <message>
        <source>Clear the message</source>
        <translation>Clear the message</translation>
    </message>
    <message>
        <source>Take the message off the host&apos;s confidence monitor.</source>
        <translation>Take the message off the host&apos;s confidence monitor.</translation>
    </message>
    <message>
        <source>Take the previewed cue</source>
        <translation>Take the previewed cue</translation>
    </message>
    <message>
        <source>Put the cue previewed in the Next view on stage (a cue picked in the list).</source>
        <translation>Put the cue previewed in the Next view on stage (a cue picked in the list).</translation>
    </message>
    <message>
        <source>Cue number</source>
        <translation>Cue number</translation>
    </message>
    <message>
        <source>Type a cue number to jump to with Enter; at a reveal whose winner is keyed in, 1–9 pick instead.</source>
        <translation>Type a cue number to jump to with Enter; at a reveal whose winner is keyed in, 1–9 pick instead.</translation>
    </message>
    <message>
        <source>Go to the cue number</source>
        <translation>Go to the cue number</translation>
    </message>
    <message>
        <source>Go to the cue whose number was typed.</source>
        <translation>Go to the cue whose number was typed.</translation>
    </message>
    <message>
        <source>Forget the cue number</source>
        <translation>Forget the cue number</translation>
    </message>
    <message>
        <source>Forget a typed cue number.</source>
        <translation>Forget a typed cue number.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the help or the search, or stop previewing a cue and follow the show again.</source>
        <translation>Close the help or the search, or stop previewing a cue and follow the show again.</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Show the keys and commands.</source>
        <translation>Show the keys and commands.</translation>
    </message>
    <message>
        <source>Find a cue</source>
        <translation>Find a cue</translation>
    </message>
    <message>
        <source>Search the cues by name and go to one.</source>
        <translation>Search the cues by name and go to one.</translation>
    </message>
    <message>
        <source>Reload the script</source>
        <translation>Reload the script</translation>
    </message>
    <message>
        <source>Re-read the script; the show keeps its place and its revealed winners.</source>
        <translation>Re-read the script; the show keeps its place and its revealed winners.</translation>
    </message>
    <message>
        <source>Identify the screens</source>
        <translation>Identify the screens</translation>
    </message>
    <message>
        <source>Show each screen&apos;s number and name on it.</source>
        <translation>Show each screen&apos;s number and name on it.</translation>
    </message>
    <message>
        <source>Larger notes</source>
        <translation>Larger notes</translation>
    </message>
    <message>
        <source>Make the notes&apos; type larger (remembered).</source>
        <translation>Make the notes&apos; type larger (remembered).</translation>
    </message>
    <message>
        <source>Smaller notes</source>
        <translation>Smaller notes</translation>
    </message>
    <message>
        <source>Make the notes&apos; type smaller (remembered).</source>
        <translation>Make the notes&apos; type smaller (remembered).</translation>
    </message>
    <message>
        <source>Follow the show in the preview</source>
        <translation>Follow the show in the preview</translation>
    </message>
    <message>
        <source>Stop previewing a picked cue: the Next view follows the show again.</source>
        <translation>Stop previewing a picked cue: the Next view follows the show again.</translation>
    </message>
    <message>
        <source>Write a message to the host</source>
        <translation>Write a message to the host</translation>
    </message>
    <message>
        <source>Open the host tab and put the cursor in the message field (Enter sends, Esc clears).</source>
        <translation>Open the host tab and put the cursor in the message field (Enter sends, Esc clears).</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Quit ceremony (asks first while the show runs).</source>
        <translation>Quit ceremony (asks first while the show runs).</translation>
    </message>
    <message>
        <source>Pause sound/film</source>
        <extracomment>The master volume&apos;s step (dB) and its range: quiet enough to talk over, never more than +6 dB.</extracomment>
        <translation>Pause sound/film</translation>
    </message>
    <message>
        <source>Pause the film and every sound, or play on from where they stopped (a new cue always plays).</source>
        <translation>Pause the film and every sound, or play on from where they stopped (a new cue always plays).</translation>
    </message>
    <message>
        <source>Restart the film</source>
        <translation>Restart the film</translation>
    </message>
    <message>
        <source>Start the current cue&apos;s film again from its start.</source>
        <translation>Start the current cue&apos;s film again from its start.</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Sound off</translation>
    </message>
    <message>
        <source>Fade every sound out in one second (films keep their picture); never quits or leaves the stage.</source>
        <translation>Fade every sound out in one second (films keep their picture); never quits or leaves the stage.</translation>
    </message>
    <message>
        <source>Volume up</source>
        <translation>Volume up</translation>
    </message>
    <message>
        <source>Master volume up 3 dB (at most +6 dB).</source>
        <translation>Master volume up 3 dB (at most +6 dB).</translation>
    </message>
    <message>
        <source>Volume down</source>
        <translation>Volume down</translation>
    </message>
    <message>
        <source>Master volume down 3 dB.</source>
        <translation>Master volume down 3 dB.</translation>
    </message>
    <message>
        <source>The film has ended</source>
        <translation>The film has ended</translation>
    </message>
    <message>
        <source>A film with &apos;then: next&apos; has ended: go to the next cue if its cue is still on (the player runs this).</source>
        <translation>A film with &apos;then: next&apos; has ended: go to the next cue if its cue is still on (the player runs this).</translation>
    </message>
</context>
<context>
    <name>Confidence</name>
    <message>
        <source>BLACK</source>
        <translation>BLACK</translation>
    </message>
    <message>
        <source>WHITE</source>
        <translation>WHITE</translation>
    </message>
    <message>
        <source>FROZEN</source>
        <translation>FROZEN</translation>
    </message>
    <message>
        <source>Cue {number}/{count}   ·   {label}</source>
        <extracomment>Seconds a new message flashes, and the length of one flash.</extracomment>
        <translation>Cue {number}/{count}   ·   {label}</translation>
    </message>
    <message>
        <source>REHEARSAL</source>
        <translation>REHEARSAL</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>The end</source>
        <translation>The end</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>On stage</source>
        <translation>On stage</translation>
    </message>
    <message>
        <source>Time on the slide</source>
        <translation>Time on the slide</translation>
    </message>
    <message>
        <source>Left of the show</source>
        <translation>Left of the show</translation>
    </message>
    <message>
        <source>{time} behind the plan</source>
        <translation>{time} behind the plan</translation>
    </message>
    <message>
        <source>{time} ahead of the plan</source>
        <translation>{time} ahead of the plan</translation>
    </message>
    <message>
        <source>ceremony — Confidence</source>
        <translation>ceremony — Confidence</translation>
    </message>
</context>
<context>
    <name>Dialog</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>the slide script (default: slides.yaml)</source>
        <translation>the slide script (default: slides.yaml)</translation>
    </message>
    <message>
        <source>every cue as a page of a PDF (vector text)</source>
        <translation>every cue as a page of a PDF (vector text)</translation>
    </message>
    <message>
        <source>every cue as a numbered PNG, e.g. 001-walk-in.png</source>
        <translation>every cue as a numbered PNG, e.g. 001-walk-in.png</translation>
    </message>
    <message>
        <source>PNG size (default 1920x1080)</source>
        <translation>PNG size (default 1920x1080)</translation>
    </message>
    <message>
        <source>host cue cards as a PDF: thumbnail, title, notes, time</source>
        <translation>host cue cards as a PDF: thumbnail, title, notes, time</translation>
    </message>
    <message>
        <source>a reveal&apos;s suspense and reveal animation as PNG frames</source>
        <translation>a reveal&apos;s suspense and reveal animation as PNG frames</translation>
    </message>
    <message>
        <source>frames per second for --frames (default 30)</source>
        <translation>frames per second for --frames (default 30)</translation>
    </message>
    <message>
        <source>the winner to show in --frames for a &apos;live&apos; class</source>
        <translation>the winner to show in --frames for a &apos;live&apos; class</translation>
    </message>
    <message>
        <source>show no winner anywhere: winner cues show the class&apos;s line-up</source>
        <translation>show no winner anywhere: winner cues show the class&apos;s line-up</translation>
    </message>
    <message>
        <source>ceremony export: say what to export: --pdf FILE, --png DIR, --cards FILE or --frames CUE DIR</source>
        <translation>ceremony export: say what to export: --pdf FILE, --png DIR, --cards FILE or --frames CUE DIR</translation>
    </message>
    <message>
        <source>ceremony export: --size must look like 1920x1080, not &apos;{size}&apos;</source>
        <translation>ceremony export: --size must look like 1920x1080, not &apos;{size}&apos;</translation>
    </message>
    <message>
        <source>ceremony export: --fps must be between 1 and 240</source>
        <translation>ceremony export: --fps must be between 1 and 240</translation>
    </message>
    <message>
        <source>ceremony export: cannot write: {error}</source>
        <translation>ceremony export: cannot write: {error}</translation>
    </message>
    <message>
        <source>could not save {path}</source>
        <translation>could not save {path}</translation>
    </message>
    <message>
        <source>could not open {path} for writing</source>
        <translation>could not open {path} for writing</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>ceremony export: no reveal cue &apos;{cue}&apos;; the reveals are: {names}</source>
        <translation>ceremony export: no reveal cue &apos;{cue}&apos;; the reveals are: {names}</translation>
    </message>
    <message>
        <source>ceremony export: &apos;{winner}&apos; is not a nominee of {name}: {nominees}</source>
        <translation>ceremony export: &apos;{winner}&apos; is not a nominee of {name}: {nominees}</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>frames</translation>
    </message>
    <message>
        <source>could not save frames into {folder}</source>
        <translation>could not save frames into {folder}</translation>
    </message>
    <message>
        <source>{title} – cue cards</source>
        <translation>{title} – cue cards</translation>
    </message>
    <message>
        <source>cards</source>
        <translation>cards</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>ceremony — the script has problems</source>
        <translation>ceremony — the script has problems</translation>
    </message>
    <message>
        <source>The show cannot start.</source>
        <translation>The show cannot start.</translation>
    </message>
    <message>
        <source>{count} problem in the script. Fix it and start again.</source>
        <translation>{count} problem in the script. Fix it and start again.</translation>
    </message>
    <message>
        <source>{count} problems in the script. Fix them and start again.</source>
        <translation>{count} problems in the script. Fix them and start again.</translation>
    </message>
    <message>
        <source>ceremony: error: no display found (DISPLAY and WAYLAND_DISPLAY are unset); run it on the show machine&apos;s desktop, or set QT_QPA_PLATFORM=offscreen to run without windows</source>
        <translation>ceremony: error: no display found (DISPLAY and WAYLAND_DISPLAY are unset); run it on the show machine&apos;s desktop, or set QT_QPA_PLATFORM=offscreen to run without windows</translation>
    </message>
    <message>
        <source>Internal error: {kind}: {error} — the show goes on; details in {log}</source>
        <translation>Internal error: {kind}: {error} — the show goes on; details in {log}</translation>
    </message>
    <message>
        <source>No contact with the show</source>
        <translation>No contact with the show</translation>
    </message>
    <message>
        <source>Key bindings: {problems}</source>
        <translation>Key bindings: {problems}</translation>
    </message>
    <message>
        <source>fullscreen</source>
        <translation>fullscreen</translation>
    </message>
    <message>
        <source>window</source>
        <translation>window</translation>
    </message>
    <message>
        <source>Stage: {index}: {name} {width}×{height} ({mode})</source>
        <translation>Stage: {index}: {name} {width}×{height} ({mode})</translation>
    </message>
    <message>
        <source>Stage: none here (host monitor)</source>
        <translation>Stage: none here (host monitor)</translation>
    </message>
    <message>
        <source>The remote control did not start: {error}</source>
        <translation>The remote control did not start: {error}</translation>
    </message>
    <message>
        <source>OSC did not start: {error}</source>
        <translation>OSC did not start: {error}</translation>
    </message>
    <message>
        <source>ceremony: remote control on {url} (token in the presenter)</source>
        <translation>ceremony: remote control on {url} (token in the presenter)</translation>
    </message>
    <message>
        <source>The leader ({url}) does not answer — the stage holds its last picture</source>
        <translation>The leader ({url}) does not answer — the stage holds its last picture</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>The script was NOT reloaded; the show goes on with the previous version:</source>
        <translation>The script was NOT reloaded; the show goes on with the previous version:</translation>
    </message>
    <message>
        <source>could not write the rehearsal report: {error}</source>
        <translation>could not write the rehearsal report: {error}</translation>
    </message>
    <message>
        <source>ceremony: rehearsal report: {csv} and {md}</source>
        <translation>ceremony: rehearsal report: {csv} and {md}</translation>
    </message>
    <message>
        <source>Rehearsal report written: {path}</source>
        <translation>Rehearsal report written: {path}</translation>
    </message>
    <message>
        <source>A show on this script was saved {saved} at cue “{cue}”.

Go on from there (with the revealed winners)?</source>
        <translation>A show on this script was saved {saved} at cue “{cue}”.

Go on from there (with the revealed winners)?</translation>
    </message>
    <message>
        <source>ceremony — resume the show?</source>
        <translation>ceremony — resume the show?</translation>
    </message>
    <message>
        <source>ceremony: {message}</source>
        <translation>ceremony: {message}</translation>
    </message>
    <message>
        <source>ceremony: error: {error}</source>
        <translation>ceremony: error: {error}</translation>
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <source>The sound cannot be played: {reason}</source>
        <extracomment>Seconds the show&apos;s sound takes to fade with a blackout (the picture&apos;s own fade). While a film plays the watchdog also keeps its decoder fed when no view paints (a hidden stage). A follower&apos;s film further than this from its leader&apos;s seeks (seconds) ... ... to a point this far ahead of the leader, and starts there when the leader gets there.</extracomment>
        <translation>The sound cannot be played: {reason}</translation>
    </message>
    <message>
        <source>The film on cue {number} cannot be played: {reason}</source>
        <translation>The film on cue {number} cannot be played: {reason}</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <source>PREPARING</source>
        <extracomment>Seconds before a film&apos;s end from which the panel warns (the operator gets ready for what follows). A film&apos;s state as the panel names it (the next film&apos;s in lower case).</extracomment>
        <translation>PREPARING</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>READY</translation>
    </message>
    <message>
        <source>PLAYING</source>
        <translation>PLAYING</translation>
    </message>
    <message>
        <source>ENDED</source>
        <translation>ENDED</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <source>preparing …</source>
        <translation>preparing …</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>FAILED: {reason}</source>
        <translation>FAILED: {reason}</translation>
    </message>
    <message>
        <source>FILM</source>
        <translation>FILM</translation>
    </message>
    <message>
        <source>Sound: {name}</source>
        <translation>Sound: {name}</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>PAUSED</translation>
    </message>
    <message>
        <source>Output: {state}</source>
        <translation>Output: {state}</translation>
    </message>
    <message>
        <source>cannot be played</source>
        <translation>cannot be played</translation>
    </message>
    <message>
        <source>{position}  (looping)</source>
        <translation>{position}  (looping)</translation>
    </message>
    <message>
        <source>ENDS IN {seconds} s</source>
        <translation>ENDS IN {seconds} s</translation>
    </message>
    <message>
        <source>Next film: {state}</source>
        <translation>Next film: {state}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Message to the host — Enter sends, Esc clears</source>
        <extracomment>Keys that keep driving the show even while the message field is being typed in (a clicker&apos;s).</extracomment>
        <translation>Message to the host — Enter sends, Esc clears</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Clear the message</source>
        <translation>Clear the message</translation>
    </message>
    <message>
        <source>With the host now: “{text}”</source>
        <translation>With the host now: “{text}”</translation>
    </message>
    <message>
        <source>No message with the host</source>
        <translation>No message with the host</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>stage black</source>
        <translation>stage black</translation>
    </message>
    <message>
        <source>stage white</source>
        <translation>stage white</translation>
    </message>
    <message>
        <source>stage back</source>
        <translation>stage back</translation>
    </message>
    <message>
        <source>stage unfrozen</source>
        <translation>stage unfrozen</translation>
    </message>
    <message>
        <source>stage frozen</source>
        <translation>stage frozen</translation>
    </message>
    <message>
        <source>nothing to confirm</source>
        <translation>nothing to confirm</translation>
    </message>
    <message>
        <source>reveal animation playing</source>
        <translation>reveal animation playing</translation>
    </message>
    <message>
        <source>rehearsal on: reveals show stand-ins</source>
        <translation>rehearsal on: reveals show stand-ins</translation>
    </message>
    <message>
        <source>rehearsal off</source>
        <translation>rehearsal off</translation>
    </message>
    <message>
        <source>the show has started; rehearsal can only be switched before it starts</source>
        <translation>the show has started; rehearsal can only be switched before it starts</translation>
    </message>
    <message>
        <source>End the rehearsal? The clock resets and the show goes back to the first cue.</source>
        <translation>End the rehearsal? The clock resets and the show goes back to the first cue.</translation>
    </message>
    <message>
        <source>rehearsal ended; ready for the show</source>
        <translation>rehearsal ended; ready for the show</translation>
    </message>
    <message>
        <source>winners in preview on</source>
        <translation>winners in preview on</translation>
    </message>
    <message>
        <source>winners in preview off</source>
        <translation>winners in preview off</translation>
    </message>
    <message>
        <source>the show clock is already running</source>
        <translation>the show clock is already running</translation>
    </message>
    <message>
        <source>show clock started</source>
        <translation>show clock started</translation>
    </message>
    <message>
        <source>nothing to cancel</source>
        <translation>nothing to cancel</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>an empty message</source>
        <translation>an empty message</translation>
    </message>
    <message>
        <source>a message is at most {count} characters (the host reads it from afar)</source>
        <translation>a message is at most {count} characters (the host reads it from afar)</translation>
    </message>
    <message>
        <source>message: {text}</source>
        <translation>message: {text}</translation>
    </message>
    <message>
        <source>no message to clear</source>
        <translation>no message to clear</translation>
    </message>
    <message>
        <source>message cleared</source>
        <translation>message cleared</translation>
    </message>
    <message>
        <source>unknown command &apos;{command}&apos;</source>
        <translation>unknown command &apos;{command}&apos;</translation>
    </message>
    <message>
        <source>&apos;{command}&apos; is handled by the window</source>
        <translation>&apos;{command}&apos; is handled by the window</translation>
    </message>
    <message>
        <source>press again to confirm</source>
        <translation>press again to confirm</translation>
    </message>
    <message>
        <source>internal error: {error}</source>
        <translation>internal error: {error}</translation>
    </message>
    <message>
        <source>confirmation expired</source>
        <translation>confirmation expired</translation>
    </message>
    <message>
        <source>reloaded; at cue {number}: {label}</source>
        <translation>reloaded; at cue {number}: {label}</translation>
    </message>
    <message>
        <source>second press within {ms} ms ignored</source>
        <translation>second press within {ms} ms ignored</translation>
    </message>
    <message>
        <source>the film&apos;s cue is no longer on</source>
        <translation>the film&apos;s cue is no longer on</translation>
    </message>
    <message>
        <source>the film ended at the last cue</source>
        <translation>the film ended at the last cue</translation>
    </message>
    <message>
        <source>film ended; cue {number}: {label}</source>
        <translation>film ended; cue {number}: {label}</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>already there</translation>
    </message>
    <message>
        <source>Go back out of the revealed winner of &apos;{name}&apos;? Press again or confirm; Esc cancels.</source>
        <translation>Go back out of the revealed winner of &apos;{name}&apos;? Press again or confirm; Esc cancels.</translation>
    </message>
    <message>
        <source>cue {number}: {label}</source>
        <translation>cue {number}: {label}</translation>
    </message>
    <message>
        <source>key held down: next ignored</source>
        <translation>key held down: next ignored</translation>
    </message>
    <message>
        <source>transition still running ({seconds} s)</source>
        <translation>transition still running ({seconds} s)</translation>
    </message>
    <message>
        <source>already at the last cue</source>
        <translation>already at the last cue</translation>
    </message>
    <message>
        <source>the reveal has not fired</source>
        <translation>the reveal has not fired</translation>
    </message>
    <message>
        <source>key held down: previous ignored</source>
        <translation>key held down: previous ignored</translation>
    </message>
    <message>
        <source>already at the first cue</source>
        <translation>already at the first cue</translation>
    </message>
    <message>
        <source>no cue &apos;{arg}&apos;</source>
        <translation>no cue &apos;{arg}&apos;</translation>
    </message>
    <message>
        <source>cannot restore the saved show: {error}</source>
        <translation>cannot restore the saved show: {error}</translation>
    </message>
    <message>
        <source>resumed at cue {number}: {label}</source>
        <translation>resumed at cue {number}: {label}</translation>
    </message>
    <message>
        <source>resumed at cue {number}: {label} (cue &apos;{gone}&apos; is gone)</source>
        <translation>resumed at cue {number}: {label} (cue &apos;{gone}&apos; is gone)</translation>
    </message>
    <message>
        <source>a winner is keyed in at its reveal&apos;s suspense step, not before</source>
        <translation>a winner is keyed in at its reveal&apos;s suspense step, not before</translation>
    </message>
    <message>
        <source>the name read differs from the script: choose which winner to reveal</source>
        <translation>the name read differs from the script: choose which winner to reveal</translation>
    </message>
    <message>
        <source>confirm the picked winner first</source>
        <translation>confirm the picked winner first</translation>
    </message>
    <message>
        <source>pick the winner first</source>
        <translation>pick the winner first</translation>
    </message>
    <message>
        <source>no winner to reveal</source>
        <translation>no winner to reveal</translation>
    </message>
    <message>
        <source>unknown class &apos;{name}&apos;</source>
        <translation>unknown class &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>the stage is frozen: unfreeze before the reveal</source>
        <translation>the stage is frozen: unfreeze before the reveal</translation>
    </message>
    <message>
        <source>this reveal slide has no reveal step</source>
        <translation>this reveal slide has no reveal step</translation>
    </message>
    <message>
        <source>revealed: {winner} (rehearsal stand-in)</source>
        <translation>revealed: {winner} (rehearsal stand-in)</translation>
    </message>
    <message>
        <source>revealed: {winner}</source>
        <translation>revealed: {winner}</translation>
    </message>
    <message>
        <source>suspense still running ({seconds} s left)</source>
        <translation>suspense still running ({seconds} s left)</translation>
    </message>
    <message>
        <source>already revealed; reset the reveal to reveal again</source>
        <translation>already revealed; reset the reveal to reveal again</translation>
    </message>
    <message>
        <source>go to the suspense step first</source>
        <translation>go to the suspense step first</translation>
    </message>
    <message>
        <source>no reveal is armed</source>
        <translation>no reveal is armed</translation>
    </message>
    <message>
        <source>this class&apos;s winner is set in the script</source>
        <translation>this class&apos;s winner is set in the script</translation>
    </message>
    <message>
        <source>already revealed; reset the reveal first</source>
        <translation>already revealed; reset the reveal first</translation>
    </message>
    <message>
        <source>pick a number from 1 to {count}</source>
        <translation>pick a number from 1 to {count}</translation>
    </message>
    <message>
        <source>picked {number}: {nominee}; confirm to lock it in</source>
        <translation>picked {number}: {nominee}; confirm to lock it in</translation>
    </message>
    <message>
        <source>confirmed {winner}; reveal held: {reason}</source>
        <translation>confirmed {winner}; reveal held: {reason}</translation>
    </message>
    <message>
        <source>confirmed {winner}</source>
        <translation>confirmed {winner}</translation>
    </message>
    <message>
        <source>nothing picked to confirm</source>
        <translation>nothing picked to confirm</translation>
    </message>
    <message>
        <source>the stage is frozen: unfreeze before confirming the winner</source>
        <translation>the stage is frozen: unfreeze before confirming the winner</translation>
    </message>
    <message>
        <source>The host read &apos;{read}&apos; but the script says &apos;{expected}&apos;: choose which to reveal.</source>
        <translation>The host read &apos;{read}&apos; but the script says &apos;{expected}&apos;: choose which to reveal.</translation>
    </message>
    <message>
        <source>no envelope mismatch to settle</source>
        <translation>no envelope mismatch to settle</translation>
    </message>
    <message>
        <source>that class has not been revealed</source>
        <translation>that class has not been revealed</translation>
    </message>
    <message>
        <source>Forget the revealed winner of &apos;{name}&apos; so it can be revealed again? Confirm, or Esc.</source>
        <translation>Forget the revealed winner of &apos;{name}&apos; so it can be revealed again? Confirm, or Esc.</translation>
    </message>
    <message>
        <source>reveal of &apos;{name}&apos; reset</source>
        <translation>reveal of &apos;{name}&apos; reset</translation>
    </message>
    <message>
        <source>nothing to do for this key now</source>
        <extracomment>Seconds a black- or whiteout takes to fade in or out.</extracomment>
        <translation>nothing to do for this key now</translation>
    </message>
    <message>
        <source>this machine follows {leader}; drive the show there</source>
        <translation>this machine follows {leader}; drive the show there</translation>
    </message>
    <message>
        <source>mirrored from the leader</source>
        <translation>mirrored from the leader</translation>
    </message>
    <message>
        <source>the leader does not answer</source>
        <translation>the leader does not answer</translation>
    </message>
    <message>
        <source>media paused</source>
        <translation>media paused</translation>
    </message>
    <message>
        <source>media playing</source>
        <translation>media playing</translation>
    </message>
    <message>
        <source>this cue has no film</source>
        <translation>this cue has no film</translation>
    </message>
    <message>
        <source>film restarted</source>
        <translation>film restarted</translation>
    </message>
    <message>
        <source>all sound fading out</source>
        <translation>all sound fading out</translation>
    </message>
    <message>
        <source>volume already at {level} dB</source>
        <translation>volume already at {level} dB</translation>
    </message>
    <message>
        <source>volume {level} dB</source>
        <translation>volume {level} dB</translation>
    </message>
</context>
<context>
    <name>Overlays</name>
    <message>
        <source>Keys and commands  —  Esc closes</source>
        <translation>Keys and commands  —  Esc closes</translation>
    </message>
    <message>
        <source>Go to cue  —  type to search, Enter goes there, Esc closes</source>
        <translation>Go to cue  —  type to search, Enter goes there, Esc closes</translation>
    </message>
    <message>
        <source>number, title or id</source>
        <translation>number, title or id</translation>
    </message>
    <message>
        <source>Enter   Confirm the winner</source>
        <translation>Enter   Confirm the winner</translation>
    </message>
    <message>
        <source>M   Use the script&apos;s winner</source>
        <translation>M   Use the script&apos;s winner</translation>
    </message>
    <message>
        <source>O   Use the winner read out</source>
        <translation>O   Use the winner read out</translation>
    </message>
    <message>
        <source>The name read out does not match the script!</source>
        <translation>The name read out does not match the script!</translation>
    </message>
    <message>
        <source>The script says &lt;b&gt;{script}&lt;/b&gt;, the host read &lt;b&gt;{read}&lt;/b&gt;. Press M or O for the one to reveal.</source>
        <translation>The script says &lt;b&gt;{script}&lt;/b&gt;, the host read &lt;b&gt;{read}&lt;/b&gt;. Press M or O for the one to reveal.</translation>
    </message>
    <message>
        <source>The winner is confirmed — press Next / Reveal to reveal.</source>
        <translation>The winner is confirmed — press Next / Reveal to reveal.</translation>
    </message>
    <message>
        <source>Who does the host read out? Press 1–{count}, then Enter to confirm.</source>
        <translation>Who does the host read out? Press 1–{count}, then Enter to confirm.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Esc   Cancel</source>
        <translation>Esc   Cancel</translation>
    </message>
    <message>
        <source>{question}  (press the same key again, or Confirm)</source>
        <translation>{question}  (press the same key again, or Confirm)</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>TIME</source>
        <translation>TIME</translation>
    </message>
    <message>
        <source>SHOW</source>
        <translation>SHOW</translation>
    </message>
    <message>
        <source>ON THE SLIDE</source>
        <translation>ON THE SLIDE</translation>
    </message>
    <message>
        <source>TO THE END</source>
        <translation>TO THE END</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>No notes for “{title}”.</source>
        <translation>No notes for “{title}”.</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>Script</source>
        <extracomment>The keys the clicker must have sent before the show: forward, back and blank. Images with more pixels than this are not decoded by the check (they would take seconds and gigabytes). Keys whose text never reaches the stage: ids, references, file names, timings and switches.</extracomment>
        <translation>Script</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Saved show</source>
        <translation>Saved show</translation>
    </message>
    <message>
        <source>Clicker</source>
        <translation>Clicker</translation>
    </message>
    <message>
        <source>Stage screen</source>
        <translation>Stage screen</translation>
    </message>
    <message>
        <source>Screen saver</source>
        <translation>Screen saver</translation>
    </message>
    <message>
        <source>resume from cue &apos;{cue}&apos; ({saved})</source>
        <translation>resume from cue &apos;{cue}&apos; ({saved})</translation>
    </message>
    <message>
        <source>unusable saved show: {reason}</source>
        <translation>unusable saved show: {reason}</translation>
    </message>
    <message>
        <source>none yet; the show will save to {path}</source>
        <translation>none yet; the show will save to {path}</translation>
    </message>
    <message>
        <source>checks</source>
        <translation>checks</translation>
    </message>
    <message>
        <source>{family} covers every character of the script</source>
        <translation>{family} covers every character of the script</translation>
    </message>
    <message>
        <source>{count} of the {what} fail: {first}</source>
        <translation>{count} of the {what} fail: {first}</translation>
    </message>
    <message>
        <source>Films and sounds</source>
        <translation>Films and sounds</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Sound</translation>
    </message>
    <message>
        <source>not checked: {reason}</source>
        <translation>not checked: {reason}</translation>
    </message>
    <message>
        <source>all {count} play</source>
        <translation>all {count} play</translation>
    </message>
    <message>
        <source>films and sounds</source>
        <translation>films and sounds</translation>
    </message>
    <message>
        <source>{state} — outputs: {devices}</source>
        <translation>{state} — outputs: {devices}</translation>
    </message>
    <message>
        <source>{count} warning(s): {first}</source>
        <translation>{count} warning(s): {first}</translation>
    </message>
    <message>
        <source>sound: {count} slides, no warnings</source>
        <translation>sound: {count} slides, no warnings</translation>
    </message>
    <message>
        <source>the last reload failed ({count}): {first}</source>
        <translation>the last reload failed ({count}): {first}</translation>
    </message>
    <message>
        <source>all {count} images decode and show on stage</source>
        <translation>all {count} images decode and show on stage</translation>
    </message>
    <message>
        <source>images</source>
        <translation>images</translation>
    </message>
    <message>
        <source>texts</source>
        <translation>texts</translation>
    </message>
    <message>
        <source>expects {size} (checked at show time)</source>
        <translation>expects {size} (checked at show time)</translation>
    </message>
    <message>
        <source>no settings.stage_resolution; not checked</source>
        <translation>no settings.stage_resolution; not checked</translation>
    </message>
    <message>
        <source>Next, Previous and Black all seen</source>
        <translation>Next, Previous and Black all seen</translation>
    </message>
    <message>
        <source>seen {seen}; press {missing} on the clicker</source>
        <translation>seen {seen}; press {missing} on the clicker</translation>
    </message>
    <message>
        <source>press {missing} on the clicker</source>
        <translation>press {missing} on the clicker</translation>
    </message>
    <message>
        <source>no stage window</source>
        <translation>no stage window</translation>
    </message>
    <message>
        <source>no stage screen to measure</source>
        <translation>no stage screen to measure</translation>
    </message>
    <message>
        <source>stage screen &apos;{name}&apos; is gone — check the cable</source>
        <translation>stage screen &apos;{name}&apos; is gone — check the cable</translation>
    </message>
    <message>
        <source>stage is a window on &apos;{name}&apos;, not fullscreen</source>
        <translation>stage is a window on &apos;{name}&apos;, not fullscreen</translation>
    </message>
    <message>
        <source>fullscreen on &apos;{name}&apos; ({size})</source>
        <translation>fullscreen on &apos;{name}&apos; ({size})</translation>
    </message>
    <message>
        <source>stage is {size}; no settings.stage_resolution</source>
        <translation>stage is {size}; no settings.stage_resolution</translation>
    </message>
    <message>
        <source>expected {expected}; the stage screen is gone</source>
        <translation>expected {expected}; the stage screen is gone</translation>
    </message>
    <message>
        <source>stage screen is {size}, the script expects {expected}</source>
        <translation>stage screen is {size}, the script expects {expected}</translation>
    </message>
    <message>
        <source>{size} as expected</source>
        <translation>{size} as expected</translation>
    </message>
    <message>
        <source>screen saver and display sleep inhibited</source>
        <translation>screen saver and display sleep inhibited</translation>
    </message>
    <message>
        <source>not inhibited (the inhibitor is not running)</source>
        <translation>not inhibited (the inhibitor is not running)</translation>
    </message>
    <message>
        <source>not inhibited: {reason} — switch it off by hand</source>
        <translation>not inhibited: {reason} — switch it off by hand</translation>
    </message>
    <message>
        <source>saving to {path}</source>
        <translation>saving to {path}</translation>
    </message>
    <message>
        <source>the saved show cannot be read: {reason}</source>
        <translation>the saved show cannot be read: {reason}</translation>
    </message>
    <message>
        <source>nothing saved yet; the first cue change saves to {path}</source>
        <translation>nothing saved yet; the first cue change saves to {path}</translation>
    </message>
    <message>
        <source>no sound: {reason}</source>
        <extracomment>The device&apos;s buffer: enough to ride out a GIL-holding moment on another thread, little enough for sync. Tests name this device to get a MemoryOutput driven by the show&apos;s clock.</extracomment>
        <translation>no sound: {reason}</translation>
    </message>
    <message>
        <source>sound not started yet</source>
        <translation>sound not started yet</translation>
    </message>
    <message>
        <source>memory (tests)</source>
        <translation>memory (tests)</translation>
    </message>
    <message>
        <source>muted (--mute): nothing is heard</source>
        <translation>muted (--mute): nothing is heard</translation>
    </message>
    <message>
        <source>{device} (the system&apos;s default)</source>
        <translation>{device} (the system&apos;s default)</translation>
    </message>
    <message>
        <source>&apos;{device}&apos; is not connected; nothing is heard</source>
        <translation>&apos;{device}&apos; is not connected; nothing is heard</translation>
    </message>
    <message>
        <source>no sound output on this machine</source>
        <translation>no sound output on this machine</translation>
    </message>
    <message>
        <source>the sound output failed: {reason}</source>
        <translation>the sound output failed: {reason}</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>ceremony — Presenter — {file}</source>
        <translation>ceremony — Presenter — {file}</translation>
    </message>
    <message>
        <source>REHEARSAL  —  the reveals show a stand-in, drawn without looking at the winner</source>
        <translation>REHEARSAL  —  the reveals show a stand-in, drawn without looking at the winner</translation>
    </message>
    <message>
        <source>ON STAGE</source>
        <translation>ON STAGE</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>NEXT</translation>
    </message>
    <message>
        <source>NOTES</source>
        <translation>NOTES</translation>
    </message>
    <message>
        <source>CHECKLIST</source>
        <translation>CHECKLIST</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>CUES</source>
        <translation>CUES</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Key tester: press a key</source>
        <translation>Key tester: press a key</translation>
    </message>
    <message>
        <source>{title} ({keys})
{help}</source>
        <translation>{title} ({keys})
{help}</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Cue {number}/{count}: {label}</source>
        <translation>Cue {number}/{count}: {label}</translation>
    </message>
    <message>
        <source>ON STAGE   ·   REHEARSAL</source>
        <translation>ON STAGE   ·   REHEARSAL</translation>
    </message>
    <message>
        <source>PREVIEW  {number}: {label}</source>
        <translation>PREVIEW  {number}: {label}</translation>
    </message>
    <message>
        <source>Enter / double-click: take this cue   ·   Esc: follow the show</source>
        <translation>Enter / double-click: take this cue   ·   Esc: follow the show</translation>
    </message>
    <message>
        <source>NEXT  —  the end</source>
        <translation>NEXT  —  the end</translation>
    </message>
    <message>
        <source>NEXT  {number}: {label}</source>
        <translation>NEXT  {number}: {label}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Phone:&lt;/b&gt; {url}&lt;br&gt;&lt;b&gt;Token:&lt;/b&gt; &lt;code&gt;{token}&lt;/code&gt;</source>
        <translation>&lt;b&gt;Phone:&lt;/b&gt; {url}&lt;br&gt;&lt;b&gt;Token:&lt;/b&gt; &lt;code&gt;{token}&lt;/code&gt;</translation>
    </message>
    <message>
        <source>REMOTE</source>
        <translation>REMOTE</translation>
    </message>
    <message>
        <source>CHECKLIST ✓</source>
        <translation>CHECKLIST ✓</translation>
    </message>
    <message>
        <source>CHECKLIST ·</source>
        <translation>CHECKLIST ·</translation>
    </message>
    <message>
        <source>CHECKLIST ✗</source>
        <translation>CHECKLIST ✗</translation>
    </message>
    <message>
        <source>Put cue {number} “{label}” on stage now?</source>
        <translation>Put cue {number} “{label}” on stage now?</translation>
    </message>
    <message>
        <source>Go to cue</source>
        <translation>Go to cue</translation>
    </message>
    <message>
        <source>go to cue {number} — Enter to jump, Esc to cancel</source>
        <translation>go to cue {number} — Enter to jump, Esc to cancel</translation>
    </message>
    <message>
        <source>cue number cancelled</source>
        <translation>cue number cancelled</translation>
    </message>
    <message>
        <source>The show is running. Do you really want to quit?</source>
        <translation>The show is running. Do you really want to quit?</translation>
    </message>
    <message>
        <source>Quit ceremony</source>
        <translation>Quit ceremony</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignored</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>{kind}: {text}</source>
        <translation>{kind}: {text}</translation>
    </message>
    <message>
        <source>Key: {key} → {commands}</source>
        <translation>Key: {key} → {commands}</translation>
    </message>
    <message>
        <source>Key: {key}</source>
        <translation>Key: {key}</translation>
    </message>
    <message>
        <source>REHEARSAL</source>
        <translation>REHEARSAL</translation>
    </message>
    <message>
        <source>BLACK</source>
        <translation>BLACK</translation>
    </message>
    <message>
        <source>WHITE</source>
        <translation>WHITE</translation>
    </message>
    <message>
        <source>FROZEN</source>
        <translation>FROZEN</translation>
    </message>
    <message>
        <source>Confirm: {question}</source>
        <translation>Confirm: {question}</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>no screen &apos;{requested}&apos; for the stage; the screens are: {listing}</source>
        <translation>no screen &apos;{requested}&apos; for the stage; the screens are: {listing}</translation>
    </message>
    <message>
        <source>there is no screen to show the stage on</source>
        <translation>there is no screen to show the stage on</translation>
    </message>
    <message>
        <source>ceremony — screen {index}</source>
        <translation>ceremony — screen {index}</translation>
    </message>
    <message>
        <source>The stage&apos;s screen “{name}” is still missing (new screen: {new})</source>
        <extracomment>Seconds after a window returns to its screen in which a move by the window system is checked, not obeyed.</extracomment>
        <translation>The stage&apos;s screen “{name}” is still missing (new screen: {new})</translation>
    </message>
    <message>
        <source>THE STAGE&apos;S SCREEN “{name}” IS GONE — the stage is now hidden</source>
        <translation>THE STAGE&apos;S SCREEN “{name}” IS GONE — the stage is now hidden</translation>
    </message>
    <message>
        <source>THE STAGE&apos;S SCREEN “{name}” IS GONE — the stage is now a small window on the operator&apos;s screen</source>
        <translation>THE STAGE&apos;S SCREEN “{name}” IS GONE — the stage is now a small window on the operator&apos;s screen</translation>
    </message>
    <message>
        <source>Stage: {index}: {name} {width}×{height} (fullscreen)</source>
        <translation>Stage: {index}: {name} {width}×{height} (fullscreen)</translation>
    </message>
    <message>
        <source>The host monitor&apos;s screen “{name}” is still missing (new screen: {new})</source>
        <translation>The host monitor&apos;s screen “{name}” is still missing (new screen: {new})</translation>
    </message>
    <message>
        <source>THE HOST MONITOR&apos;S SCREEN “{name}” IS GONE — the host monitor is now hidden</source>
        <translation>THE HOST MONITOR&apos;S SCREEN “{name}” IS GONE — the host monitor is now hidden</translation>
    </message>
    <message>
        <source>THE HOST MONITOR&apos;S SCREEN “{name}” IS GONE — the host monitor is now a small window on the operator&apos;s screen</source>
        <translation>THE HOST MONITOR&apos;S SCREEN “{name}” IS GONE — the host monitor is now a small window on the operator&apos;s screen</translation>
    </message>
    <message>
        <source>Host monitor: {index}: {name} {width}×{height} (fullscreen)</source>
        <translation>Host monitor: {index}: {name} {width}×{height} (fullscreen)</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>ceremony — Stage</source>
        <translation>ceremony — Stage</translation>
    </message>
</context>
</TS>
