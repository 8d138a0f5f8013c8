<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb" sourcelanguage="en">
<context>
    <name>Check</name>
    <message>
        <source>{script}: {count} error</source>
        <translation>{script}: {count} feil</translation>
    </message>
    <message>
        <source>{script}: {count} errors</source>
        <translation>{script}: {count} feil</translation>
    </message>
    <message>
        <source>{script}: {count} pre-show check failed</source>
        <translation>{script}: {count} sjekk før showet feilet</translation>
    </message>
    <message>
        <source>{script}: {count} pre-show checks failed</source>
        <translation>{script}: {count} sjekker før showet feilet</translation>
    </message>
    <message>
        <source>{script}: ok, {count} slide</source>
        <translation>{script}: ok, {count} lysbilde</translation>
    </message>
    <message>
        <source>{script}: ok, {count} slides</source>
        <translation>{script}: ok, {count} lysbilder</translation>
    </message>
    <message>
        <source>, {count} warning</source>
        <translation>, {count} advarsel</translation>
    </message>
    <message>
        <source>, {count} warnings</source>
        <translation>, {count} advarsler</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>green</source>
        <translation>grønn</translation>
    </message>
    <message>
        <source>amber</source>
        <translation>gul</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rød</translation>
    </message>
    <message>
        <source>Test the clicker: press Next, Previous and Black on it — the Clicker line turns green when the key tester has seen all three.</source>
        <translation>Test klikkeren: trykk Neste, Forrige og Svart på den — linjen Klikker blir grønn når nøkkeltesten har sett alle tre.</translation>
    </message>
    <message>
        <source>PRE-SHOW CHECKLIST</source>
        <translation>SJEKKLISTE FØR SHOWET</translation>
    </message>
    <message>
        <source>Play test tone</source>
        <translation>Spill testtone</translation>
    </message>
    <message>
        <source>One second of 1 kHz at -20 dBFS on the sound output, heard even in a blackout</source>
        <translation>Ett sekund 1 kHz på -20 dBFS på lydutgangen, hørbar også når scenen er svart</translation>
    </message>
    <message>
        <source>No checks yet</source>
        <translation>Ingen sjekker ennå</translation>
    </message>
    <message>
        <source>The one check is green</source>
        <translation>Den ene sjekken er grønn</translation>
    </message>
    <message>
        <source>All {count} checks green</source>
        <translation>Alle {count} sjekkene er grønne</translation>
    </message>
    <message>
        <source>{count} red</source>
        <translation>{count} røde</translation>
    </message>
    <message>
        <source>1 red</source>
        <translation>1 rød</translation>
    </message>
    <message>
        <source>1 amber</source>
        <translation>1 gul</translation>
    </message>
    <message>
        <source>{count} amber</source>
        <translation>{count} gule</translation>
    </message>
    <message>
        <source>{counts} of 1 check</source>
        <translation>{counts} av 1 sjekk</translation>
    </message>
    <message>
        <source>{counts} of {count} checks</source>
        <translation>{counts} av {count} sjekker</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>the slide script (default: ./{script})</source>
        <translation>manuset (standard: ./{script})</translation>
    </message>
    <message>
        <source>the language of ceremony&apos;s windows and messages: nb or en (remembered; by default the system&apos;s)</source>
        <translation>språket i ceremonys vinduer og meldinger: nb eller en (huskes; standard er systemets)</translation>
    </message>
    <message>
        <source>Run a live award show: a fullscreen stage display driven from a presenter window.</source>
        <translation>Kjør en direktesendt prisutdeling: en scene i fullskjerm, styrt fra et operatørvindu.</translation>
    </message>
    <message>
        <source>other commands: &apos;ceremony new FOLDER&apos;, &apos;ceremony check [SCRIPT]&apos;, &apos;ceremony schema&apos;, &apos;ceremony export [SCRIPT] …&apos; (each has --help)</source>
        <translation>andre kommandoer: &apos;ceremony new MAPPE&apos;, &apos;ceremony check [MANUS]&apos;, &apos;ceremony schema&apos;, &apos;ceremony export [MANUS] …&apos; (alle har --help)</translation>
    </message>
    <message>
        <source>show the stage in a window, not fullscreen</source>
        <translation>vis scenen i et vindu, ikke i fullskjerm</translation>
    </message>
    <message>
        <source>the stage&apos;s screen, by number (0, 1, …) or name</source>
        <translation>skjermen til scenen, med nummer (0, 1, …) eller navn</translation>
    </message>
    <message>
        <source>the host&apos;s confidence monitor&apos;s screen, by number or name</source>
        <translation>skjermen til vertsskjermen, med nummer eller navn</translation>
    </message>
    <message>
        <source>flip the confidence monitor for a teleprompter glass</source>
        <translation>speilvend vertsskjermen for et teleprompterglass</translation>
    </message>
    <message>
        <source>rehearsal: every reveal uses a stand-in winner</source>
        <translation>prøve: hver avsløring bruker en stand-in som vinner</translation>
    </message>
    <message>
        <source>in rehearsal, the stand-in winner (default: random)</source>
        <translation>stand-in-vinneren i prøven (standard: tilfeldig)</translation>
    </message>
    <message>
        <source>resume the show where it was (after a crash)</source>
        <translation>fortsett showet der det var (etter et krasj)</translation>
    </message>
    <message>
        <source>start from the first cue, without asking to resume</source>
        <translation>start fra første cue, uten å spørre om å fortsette</translation>
    </message>
    <message>
        <source>serve the remote control (HTTP, WebSocket, OSC)</source>
        <translation>start fjernkontrollen (HTTP, WebSocket, OSC)</translation>
    </message>
    <message>
        <source>the remote control&apos;s port (default: settings)</source>
        <translation>porten til fjernkontrollen (standard: settings)</translation>
    </message>
    <message>
        <source>mirror the show of a leader (http://host:port) as a follower</source>
        <translation>speil showet til en leder (http://vert:port) som følger</translation>
    </message>
    <message>
        <source>with --follow: be the host&apos;s confidence monitor (fullscreen where the stage would go, or on --confidence-screen), with no stage window</source>
        <translation>med --follow: vær vertsskjermen (i fullskjerm der scenen ville vært, eller på --confidence-screen), uten scenevindu</translation>
    </message>
    <message>
        <source>a file with the leader&apos;s token, for --follow (or set CEREMONY_TOKEN)</source>
        <translation>en fil med lederens token, for --follow (eller sett CEREMONY_TOKEN)</translation>
    </message>
    <message>
        <source>the leader&apos;s token on the command line (every user sees it in ps: avoid)</source>
        <translation>lederens token på kommandolinjen (alle brukere ser den i ps: unngå det)</translation>
    </message>
    <message>
        <source>the sound output, by name (see the checklist; default: the system&apos;s)</source>
        <translation>lydutgangen, ved navn (se sjekklisten; standard: systemets)</translation>
    </message>
    <message>
        <source>play films and sounds silently (rehearse without sound)</source>
        <translation>spill filmer og lyder uten at noe høres (øv uten lyd)</translation>
    </message>
    <message>
        <source>Validate a slide script and its assets.</source>
        <translation>Sjekk et manus og bildene det bruker.</translation>
    </message>
    <message>
        <source>treat warnings as errors</source>
        <translation>regn advarsler som feil</translation>
    </message>
    <message>
        <source>also run the pre-show checks that need no screen (fonts, assets)</source>
        <translation>kjør også sjekkene før showet som ikke trenger skjerm (fonter, bilder)</translation>
    </message>
    <message>
        <source>Print the slide script&apos;s JSON Schema.</source>
        <translation>Skriv ut JSON-skjemaet for manuset.</translation>
    </message>
    <message>
        <source>print the field reference as Markdown instead</source>
        <translation>skriv ut feltoversikten som Markdown i stedet</translation>
    </message>
    <message>
        <source>Write a new show to start from: a slide script with every kind of slide, its schema, placeholder pictures and a README.</source>
        <translation>Lag et nytt show å starte fra: et manus med alle slags lysbilder, skjemaet, plassholderbilder og en README.</translation>
    </message>
    <message>
        <source>the new show&apos;s folder (made if missing; must be empty)</source>
        <translation>mappen til det nye showet (lages om den mangler; må være tom)</translation>
    </message>
    <message>
        <source>the show&apos;s language: nb (Norwegian bokmål, the default) or en (English)</source>
        <translation>showets språk: nb (norsk bokmål, standard) eller en (engelsk)</translation>
    </message>
    <message>
        <source>ceremony new: error: {error}</source>
        <translation>ceremony new: feil: {error}</translation>
    </message>
    <message>
        <source>ceremony new: wrote {count} files to {folder}</source>
        <translation>ceremony new: skrev {count} filer til {folder}</translation>
    </message>
    <message>
        <source>next: edit {script}, then &apos;ceremony check --strict {script}&apos; and &apos;ceremony {script}&apos;</source>
        <translation>neste: rediger {script}, så &apos;ceremony check --strict {script}&apos; og &apos;ceremony {script}&apos;</translation>
    </message>
    <message>
        <source>Export the show to PDF, PNGs, cue cards or frames.</source>
        <translation>Eksporter showet til PDF, PNG-er, stikkordskort eller bilder.</translation>
    </message>
    <message>
        <source>ceremony: error: --confidence makes a follower the host&apos;s monitor: give the leader with --follow URL (on the show machine itself, use --confidence-screen)</source>
        <translation>ceremony: feil: --confidence gjør en følger til vertsskjermen: oppgi lederen med --follow URL (på selve showmaskinen, bruk --confidence-screen)</translation>
    </message>
    <message>
        <source>ceremony: {error}</source>
        <translation>ceremony: {error}</translation>
    </message>
    <message>
        <source>ceremony: warning: {warning}</source>
        <translation>ceremony: advarsel: {warning}</translation>
    </message>
    <message>
        <source>--token on the command line is visible to every user of this machine (ps, /proc); use CEREMONY_TOKEN=… or --token-file FILE instead</source>
        <translation>--token på kommandolinjen er synlig for alle brukere av denne maskinen (ps, /proc); bruk CEREMONY_TOKEN=… eller --token-file FIL i stedet</translation>
    </message>
    <message>
        <source>{folder} is a file; give a folder for the new show</source>
        <translation>{folder} er en fil; oppgi en mappe for det nye showet</translation>
    </message>
    <message>
        <source>{folder} is not empty; &apos;ceremony new&apos; writes a show into a new or empty folder</source>
        <translation>{folder} er ikke tom; &apos;ceremony new&apos; skriver et show i en ny eller tom mappe</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>Next</source>
        <translation>Neste</translation>
    </message>
    <message>
        <source>Go to the next cue; at the suspense step, fire the reveal once the suspense has run.</source>
        <translation>Gå til neste cue; ved spenningen: fyr av avsløringen når spenningen har gått.</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Forrige</translation>
    </message>
    <message>
        <source>Go back one cue; leaving a revealed winner asks for confirmation.</source>
        <translation>Gå én cue tilbake; å forlate en avslørt vinner må bekreftes.</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Første</translation>
    </message>
    <message>
        <source>Go to the first cue.</source>
        <translation>Gå til første cue.</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Siste</translation>
    </message>
    <message>
        <source>Go to the last cue (never into an unrevealed winner).</source>
        <translation>Gå til siste cue (aldri inn i en vinner som ikke er avslørt).</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Gå til</translation>
    </message>
    <message>
        <source>Go to a cue by id, slide id or number (1-based).</source>
        <translation>Gå til en cue med id, lysbilde-id eller nummer (fra 1).</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Svart</translation>
    </message>
    <message>
        <source>Black out the stage, or bring it back.</source>
        <translation>Gjør scenen svart, eller hent den tilbake.</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Hvit</translation>
    </message>
    <message>
        <source>White out the stage, or bring it back.</source>
        <translation>Gjør scenen hvit, eller hent den tilbake.</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Frys</translation>
    </message>
    <message>
        <source>Freeze the stage on what it shows while the presenter keeps moving; again to unfreeze.</source>
        <translation>Frys scenen på det den viser mens operatøren går videre; en gang til for å tine.</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Avslør</translation>
    </message>
    <message>
        <source>Fire the armed reveal now, without waiting for the suspense to run out.</source>
        <translation>Fyr av avsløringen nå, uten å vente til spenningen har gått.</translation>
    </message>
    <message>
        <source>Pick the winner</source>
        <translation>Velg vinner</translation>
    </message>
    <message>
        <source>Key in the winner the host reads (nominee number, 1-based), at the reveal&apos;s suspense step.</source>
        <translation>Tast inn vinneren verten leser opp (den nominertes nummer, fra 1), ved avsløringens spenning.</translation>
    </message>
    <message>
        <source>Confirm the winner</source>
        <translation>Bekreft vinner</translation>
    </message>
    <message>
        <source>Confirm the winner keyed in with 1–3 (only while one is keyed in, at the suspense step).</source>
        <translation>Bekreft vinneren som er tastet inn med 1–3 (bare mens en er tastet inn, ved spenningen).</translation>
    </message>
    <message>
        <source>Use the script&apos;s winner</source>
        <translation>Bruk manusets vinner</translation>
    </message>
    <message>
        <source>The name read differs from the script: reveal the script&apos;s winner.</source>
        <translation>Navnet som ble lest opp, er et annet enn i manus: avslør manusets vinner.</translation>
    </message>
    <message>
        <source>Use the winner read out</source>
        <translation>Bruk opplest vinner</translation>
    </message>
    <message>
        <source>The name read differs from the script: reveal the name the host read.</source>
        <translation>Navnet som ble lest opp, er et annet enn i manus: avslør navnet verten leste.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bekreft</translation>
    </message>
    <message>
        <source>Carry out the action waiting for confirmation.</source>
        <translation>Utfør handlingen som venter på bekreftelse.</translation>
    </message>
    <message>
        <source>Reset the reveal</source>
        <translation>Nullstill avsløring</translation>
    </message>
    <message>
        <source>Forget a class&apos;s revealed winner (the current cue&apos;s class by default) so it can be revealed again; asks for confirmation.</source>
        <translation>Glem den avslørte vinneren i en klasse (standard er klassen til gjeldende cue) så den kan avsløres igjen; ber om bekreftelse.</translation>
    </message>
    <message>
        <source>Rehearsal mode</source>
        <translation>Prøvemodus</translation>
    </message>
    <message>
        <source>Rehearsal on/off: reveals use stand-ins drawn without looking at the winner. Only before the show starts.</source>
        <translation>Prøve av/på: avsløringene bruker stand-ins trukket uten å se på vinneren. Bare før showet starter.</translation>
    </message>
    <message>
        <source>Winner in the preview</source>
        <translation>Vinner i forhåndsvisning</translation>
    </message>
    <message>
        <source>Let the Next preview show reveals with their winner.</source>
        <translation>La forhåndsvisningen av neste cue vise avsløringer med vinneren.</translation>
    </message>
    <message>
        <source>Start the show</source>
        <translation>Start showet</translation>
    </message>
    <message>
        <source>Start the show clock if it is not running; never leaves fullscreen or quits.</source>
        <translation>Start showklokka hvis den ikke går; forlater aldri fullskjerm og avslutter aldri.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cancel a pending confirmation or envelope mismatch; never quits.</source>
        <translation>Avbryt en bekreftelse som venter eller et avvik fra konvolutten; avslutter aldri.</translation>
    </message>
    <message>
        <source>Message to the host</source>
        <extracomment>The longest message the confidence monitor is asked to show (it is read from metres away).</extracomment>
        <translation>Melding til verten</translation>
    </message>
    <message>
        <source>Put a private message on the host&apos;s confidence monitor (never on the stage); a message that is only a duration, such as &apos;30 s&apos;, counts down there.</source>
        <translation>Sett en privat melding på vertsskjermen (aldri på scenen); en melding som bare er en varighet, som &apos;30 s&apos;, teller ned der.</translation>
    </message>
    <message>
        <source>Clear the message</source>
        <translation>Fjern meldingen</translation>
    </message>
    <message>
        <source>Take the message off the host&apos;s confidence monitor.</source>
        <translation>Ta meldingen bort fra vertsskjermen.</translation>
    </message>
    <message>
        <source>Take the previewed cue</source>
        <translation>Ta forhåndsvist cue</translation>
    </message>
    <message>
        <source>Put the cue previewed in the Next view on stage (a cue picked in the list).</source>
        <translation>Sett cuen som forhåndsvises i Neste-visningen på scenen (en cue valgt i listen).</translation>
    </message>
    <message>
        <source>Cue number</source>
        <translation>Cue-nummer</translation>
    </message>
    <message>
        <source>Type a cue number to jump to with Enter; at a reveal whose winner is keyed in, 1–9 pick instead.</source>
        <translation>Skriv et cue-nummer og hopp dit med Enter; ved en avsløring der vinneren tastes inn, velger 1–9 i stedet.</translation>
    </message>
    <message>
        <source>Go to the cue number</source>
        <translation>Gå til cue-nummer</translation>
    </message>
    <message>
        <source>Go to the cue whose number was typed.</source>
        <translation>Gå til cuen med nummeret som ble skrevet.</translation>
    </message>
    <message>
        <source>Forget the cue number</source>
        <translation>Glem cue-nummer</translation>
    </message>
    <message>
        <source>Forget a typed cue number.</source>
        <translation>Glem et skrevet cue-nummer.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Close the help or the search, or stop previewing a cue and follow the show again.</source>
        <translation>Lukk hjelpen eller søket, eller slutt å forhåndsvise en cue og følg showet igjen.</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjelp</translation>
    </message>
    <message>
        <source>Show the keys and commands.</source>
        <translation>Vis tastene og kommandoene.</translation>
    </message>
    <message>
        <source>Find a cue</source>
        <translation>Finn cue</translation>
    </message>
    <message>
        <source>Search the cues by name and go to one.</source>
        <translation>Søk i cuene etter navn og gå til en av dem.</translation>
    </message>
    <message>
        <source>Reload the script</source>
        <translation>Last inn manus på nytt</translation>
    </message>
    <message>
        <source>Re-read the script; the show keeps its place and its revealed winners.</source>
        <translation>Les manuset på nytt; showet beholder plassen og de avslørte vinnerne.</translation>
    </message>
    <message>
        <source>Identify the screens</source>
        <translation>Identifiser skjermer</translation>
    </message>
    <message>
        <source>Show each screen&apos;s number and name on it.</source>
        <translation>Vis nummeret og navnet til hver skjerm på den.</translation>
    </message>
    <message>
        <source>Larger notes</source>
        <translation>Større notater</translation>
    </message>
    <message>
        <source>Make the notes&apos; type larger (remembered).</source>
        <translation>Gjør skriften i notatene større (huskes).</translation>
    </message>
    <message>
        <source>Smaller notes</source>
        <translation>Mindre notater</translation>
    </message>
    <message>
        <source>Make the notes&apos; type smaller (remembered).</source>
        <translation>Gjør skriften i notatene mindre (huskes).</translation>
    </message>
    <message>
        <source>Follow the show in the preview</source>
        <translation>Følg showet i forhåndsvisningen</translation>
    </message>
    <message>
        <source>Stop previewing a picked cue: the Next view follows the show again.</source>
        <translation>Slutt å forhåndsvise en valgt cue: Neste-visningen følger showet igjen.</translation>
    </message>
    <message>
        <source>Write a message to the host</source>
        <translation>Skriv melding til verten</translation>
    </message>
    <message>
        <source>Open the host tab and put the cursor in the message field (Enter sends, Esc clears).</source>
        <translation>Åpne verts-fanen og sett markøren i meldingsfeltet (Enter sender, Esc fjerner).</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avslutt</translation>
    </message>
    <message>
        <source>Quit ceremony (asks first while the show runs).</source>
        <translation>Avslutt ceremony (spør først mens showet går).</translation>
    </message>
    <message>
        <source>Pause sound/film</source>
        <extracomment>The master volume&apos;s step (dB) and its range: quiet enough to talk over, never more than +6 dB.</extracomment>
        <translation>Pause lyd/film</translation>
    </message>
    <message>
        <source>Pause the film and every sound, or play on from where they stopped (a new cue always plays).</source>
        <translation>Sett filmen og all lyd på pause, eller spill videre der de stoppet (en ny cue spiller alltid).</translation>
    </message>
    <message>
        <source>Restart the film</source>
        <translation>Start filmen på nytt</translation>
    </message>
    <message>
        <source>Start the current cue&apos;s film again from its start.</source>
        <translation>Start filmen på denne cuen på nytt fra begynnelsen.</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Lyd av</translation>
    </message>
    <message>
        <source>Fade every sound out in one second (films keep their picture); never quits or leaves the stage.</source>
        <translation>Ton ut all lyd på ett sekund (filmene beholder bildet); avslutter aldri og forlater aldri scenen.</translation>
    </message>
    <message>
        <source>Volume up</source>
        <translation>Volum opp</translation>
    </message>
    <message>
        <source>Master volume up 3 dB (at most +6 dB).</source>
        <translation>Hovedvolumet opp 3 dB (høyst +6 dB).</translation>
    </message>
    <message>
        <source>Volume down</source>
        <translation>Volum ned</translation>
    </message>
    <message>
        <source>Master volume down 3 dB.</source>
        <translation>Hovedvolumet ned 3 dB.</translation>
    </message>
    <message>
        <source>The film has ended</source>
        <translation>Filmen er slutt</translation>
    </message>
    <message>
        <source>A film with &apos;then: next&apos; has ended: go to the next cue if its cue is still on (the player runs this).</source>
        <translation>En film med &apos;then: next&apos; er slutt: gå til neste cue hvis filmens cue fortsatt er på (avspilleren kjører denne).</translation>
    </message>
</context>
<context>
    <name>Confidence</name>
    <message>
        <source>BLACK</source>
        <translation>SVART</translation>
    </message>
    <message>
        <source>WHITE</source>
        <translation>HVIT</translation>
    </message>
    <message>
        <source>FROZEN</source>
        <translation>FRYST</translation>
    </message>
    <message>
        <source>Cue {number}/{count}   ·   {label}</source>
        <extracomment>Seconds a new message flashes, and the length of one flash.</extracomment>
        <translation>Cue {number}/{count}   ·   {label}</translation>
    </message>
    <message>
        <source>REHEARSAL</source>
        <translation>PRØVE</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Neste</translation>
    </message>
    <message>
        <source>The end</source>
        <translation>Slutt</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>On stage</source>
        <translation>På scenen</translation>
    </message>
    <message>
        <source>Time on the slide</source>
        <translation>Tid på sliden</translation>
    </message>
    <message>
        <source>Left of the show</source>
        <translation>Igjen av showet</translation>
    </message>
    <message>
        <source>{time} behind the plan</source>
        <translation>{time} etter plan</translation>
    </message>
    <message>
        <source>{time} ahead of the plan</source>
        <translation>{time} foran plan</translation>
    </message>
    <message>
        <source>ceremony — Confidence</source>
        <translation>ceremony — Vertsskjerm</translation>
    </message>
</context>
<context>
    <name>Dialog</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nei</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>the slide script (default: slides.yaml)</source>
        <translation>manuset (standard: slides.yaml)</translation>
    </message>
    <message>
        <source>every cue as a page of a PDF (vector text)</source>
        <translation>hver cue som en side i en PDF (vektortekst)</translation>
    </message>
    <message>
        <source>every cue as a numbered PNG, e.g. 001-walk-in.png</source>
        <translation>hver cue som en nummerert PNG, f.eks. 001-walk-in.png</translation>
    </message>
    <message>
        <source>PNG size (default 1920x1080)</source>
        <translation>PNG-størrelse (standard 1920x1080)</translation>
    </message>
    <message>
        <source>host cue cards as a PDF: thumbnail, title, notes, time</source>
        <translation>vertens stikkordskort som PDF: miniatyr, tittel, notater, tid</translation>
    </message>
    <message>
        <source>a reveal&apos;s suspense and reveal animation as PNG frames</source>
        <translation>spenningen og avsløringsanimasjonen til en avsløring som PNG-bilder</translation>
    </message>
    <message>
        <source>frames per second for --frames (default 30)</source>
        <translation>bilder per sekund for --frames (standard 30)</translation>
    </message>
    <message>
        <source>the winner to show in --frames for a &apos;live&apos; class</source>
        <translation>vinneren som skal vises i --frames for en klasse med &apos;live&apos;</translation>
    </message>
    <message>
        <source>show no winner anywhere: winner cues show the class&apos;s line-up</source>
        <translation>vis ingen vinner noe sted: vinnercuene viser klassens line-up</translation>
    </message>
    <message>
        <source>ceremony export: say what to export: --pdf FILE, --png DIR, --cards FILE or --frames CUE DIR</source>
        <translation>ceremony export: si hva som skal eksporteres: --pdf FIL, --png MAPPE, --cards FIL eller --frames CUE MAPPE</translation>
    </message>
    <message>
        <source>ceremony export: --size must look like 1920x1080, not &apos;{size}&apos;</source>
        <translation>ceremony export: --size må se ut som 1920x1080, ikke &apos;{size}&apos;</translation>
    </message>
    <message>
        <source>ceremony export: --fps must be between 1 and 240</source>
        <translation>ceremony export: --fps må være mellom 1 og 240</translation>
    </message>
    <message>
        <source>ceremony export: cannot write: {error}</source>
        <translation>ceremony export: kan ikke skrive: {error}</translation>
    </message>
    <message>
        <source>could not save {path}</source>
        <translation>kunne ikke lagre {path}</translation>
    </message>
    <message>
        <source>could not open {path} for writing</source>
        <translation>kunne ikke åpne {path} for skriving</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>ceremony export: no reveal cue &apos;{cue}&apos;; the reveals are: {names}</source>
        <translation>ceremony export: ingen avsløringscue &apos;{cue}&apos;; avsløringene er: {names}</translation>
    </message>
    <message>
        <source>ceremony export: &apos;{winner}&apos; is not a nominee of {name}: {nominees}</source>
        <translation>ceremony export: &apos;{winner}&apos; er ikke nominert i {name}: {nominees}</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>bilder</translation>
    </message>
    <message>
        <source>could not save frames into {folder}</source>
        <translation>kunne ikke lagre bildene i {folder}</translation>
    </message>
    <message>
        <source>{title} – cue cards</source>
        <translation>{title} – stikkordskort</translation>
    </message>
    <message>
        <source>cards</source>
        <translation>kort</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>ceremony — the script has problems</source>
        <translation>ceremony — manuset har feil</translation>
    </message>
    <message>
        <source>The show cannot start.</source>
        <translation>Showet kan ikke starte.</translation>
    </message>
    <message>
        <source>{count} problem in the script. Fix it and start again.</source>
        <translation>{count} feil i manuset. Rett den og start på nytt.</translation>
    </message>
    <message>
        <source>{count} problems in the script. Fix them and start again.</source>
        <translation>{count} feil i manuset. Rett dem og start på nytt.</translation>
    </message>
    <message>
        <source>ceremony: error: no display found (DISPLAY and WAYLAND_DISPLAY are unset); run it on the show machine&apos;s desktop, or set QT_QPA_PLATFORM=offscreen to run without windows</source>
        <translation>ceremony: feil: fant ingen skjerm (DISPLAY og WAYLAND_DISPLAY er ikke satt); kjør den på skrivebordet til showmaskinen, eller sett QT_QPA_PLATFORM=offscreen for å kjøre uten vinduer</translation>
    </message>
    <message>
        <source>Internal error: {kind}: {error} — the show goes on; details in {log}</source>
        <translation>Intern feil: {kind}: {error} — showet går videre; detaljer i {log}</translation>
    </message>
    <message>
        <source>No contact with the show</source>
        <translation>Ingen kontakt med showet</translation>
    </message>
    <message>
        <source>Key bindings: {problems}</source>
        <translation>Tastebindinger: {problems}</translation>
    </message>
    <message>
        <source>fullscreen</source>
        <translation>fullskjerm</translation>
    </message>
    <message>
        <source>window</source>
        <translation>vindu</translation>
    </message>
    <message>
        <source>Stage: {index}: {name} {width}×{height} ({mode})</source>
        <translation>Scene: {index}: {name} {width}×{height} ({mode})</translation>
    </message>
    <message>
        <source>Stage: none here (host monitor)</source>
        <translation>Scene: ingen her (vertsskjerm)</translation>
    </message>
    <message>
        <source>The remote control did not start: {error}</source>
        <translation>Fjernkontrollen startet ikke: {error}</translation>
    </message>
    <message>
        <source>OSC did not start: {error}</source>
        <translation>OSC startet ikke: {error}</translation>
    </message>
    <message>
        <source>ceremony: remote control on {url} (token in the presenter)</source>
        <translation>ceremony: fjernkontroll på {url} (token i operatørvinduet)</translation>
    </message>
    <message>
        <source>The leader ({url}) does not answer — the stage holds its last picture</source>
        <translation>Lederen ({url}) svarer ikke — scenen holder siste bilde</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… og {count} til</translation>
    </message>
    <message>
        <source>The script was NOT reloaded; the show goes on with the previous version:</source>
        <translation>Manuset ble IKKE lastet inn på nytt; showet går videre med forrige versjon:</translation>
    </message>
    <message>
        <source>could not write the rehearsal report: {error}</source>
        <translation>kunne ikke skrive prøverapporten: {error}</translation>
    </message>
    <message>
        <source>ceremony: rehearsal report: {csv} and {md}</source>
        <translation>ceremony: prøverapport: {csv} og {md}</translation>
    </message>
    <message>
        <source>Rehearsal report written: {path}</source>
        <translation>Prøverapport skrevet: {path}</translation>
    </message>
    <message>
        <source>A show on this script was saved {saved} at cue “{cue}”.

Go on from there (with the revealed winners)?</source>
        <translation>Et show på dette manuset ble lagret {saved} på cue «{cue}».

Fortsette der (med avslørte vinnere)?</translation>
    </message>
    <message>
        <source>ceremony — resume the show?</source>
        <translation>ceremony — fortsett showet?</translation>
    </message>
    <message>
        <source>ceremony: {message}</source>
        <translation>ceremony: {message}</translation>
    </message>
    <message>
        <source>ceremony: error: {error}</source>
        <translation>ceremony: feil: {error}</translation>
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <source>The sound cannot be played: {reason}</source>
        <extracomment>Seconds the show&apos;s sound takes to fade with a blackout (the picture&apos;s own fade). While a film plays the watchdog also keeps its decoder fed when no view paints (a hidden stage). A follower&apos;s film further than this from its leader&apos;s seeks (seconds) ... ... to a point this far ahead of the leader, and starts there when the leader gets there.</extracomment>
        <translation>Lyden kan ikke spilles: {reason}</translation>
    </message>
    <message>
        <source>The film on cue {number} cannot be played: {reason}</source>
        <translation>Filmen på cue {number} kan ikke spilles: {reason}</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <source>PREPARING</source>
        <extracomment>Seconds before a film&apos;s end from which the panel warns (the operator gets ready for what follows). A film&apos;s state as the panel names it (the next film&apos;s in lower case).</extracomment>
        <translation>FORBEREDER</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>KLAR</translation>
    </message>
    <message>
        <source>PLAYING</source>
        <translation>SPILLER</translation>
    </message>
    <message>
        <source>ENDED</source>
        <translation>SLUTT</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEIL</translation>
    </message>
    <message>
        <source>preparing …</source>
        <translation>forbereder …</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>klar</translation>
    </message>
    <message>
        <source>FAILED: {reason}</source>
        <translation>FEIL: {reason}</translation>
    </message>
    <message>
        <source>FILM</source>
        <translation>FILM</translation>
    </message>
    <message>
        <source>Sound: {name}</source>
        <translation>Lyd: {name}</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>PAUSE</translation>
    </message>
    <message>
        <source>Output: {state}</source>
        <translation>Utgang: {state}</translation>
    </message>
    <message>
        <source>cannot be played</source>
        <translation>kan ikke spilles</translation>
    </message>
    <message>
        <source>{position}  (looping)</source>
        <translation>{position}  (i loop)</translation>
    </message>
    <message>
        <source>ENDS IN {seconds} s</source>
        <translation>SLUTTER OM {seconds} s</translation>
    </message>
    <message>
        <source>Next film: {state}</source>
        <translation>Neste film: {state}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Message to the host — Enter sends, Esc clears</source>
        <extracomment>Keys that keep driving the show even while the message field is being typed in (a clicker&apos;s).</extracomment>
        <translation>Melding til verten — Enter sender, Esc fjerner</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Clear the message</source>
        <translation>Fjern meldingen</translation>
    </message>
    <message>
        <source>With the host now: “{text}”</source>
        <translation>Hos verten nå: «{text}»</translation>
    </message>
    <message>
        <source>No message with the host</source>
        <translation>Ingen melding hos verten</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>stage black</source>
        <translation>scenen er svart</translation>
    </message>
    <message>
        <source>stage white</source>
        <translation>scenen er hvit</translation>
    </message>
    <message>
        <source>stage back</source>
        <translation>scenen er tilbake</translation>
    </message>
    <message>
        <source>stage unfrozen</source>
        <translation>scenen er tint</translation>
    </message>
    <message>
        <source>stage frozen</source>
        <translation>scenen er frosset</translation>
    </message>
    <message>
        <source>nothing to confirm</source>
        <translation>ingenting å bekrefte</translation>
    </message>
    <message>
        <source>reveal animation playing</source>
        <translation>avsløringsanimasjonen spilles</translation>
    </message>
    <message>
        <source>rehearsal on: reveals show stand-ins</source>
        <translation>prøve på: avsløringene viser stand-ins</translation>
    </message>
    <message>
        <source>rehearsal off</source>
        <translation>prøve av</translation>
    </message>
    <message>
        <source>the show has started; rehearsal can only be switched before it starts</source>
        <translation>showet har startet; prøve kan bare slås av og på før det starter</translation>
    </message>
    <message>
        <source>End the rehearsal? The clock resets and the show goes back to the first cue.</source>
        <translation>Avslutte prøven? Klokka nullstilles og showet går tilbake til første cue.</translation>
    </message>
    <message>
        <source>rehearsal ended; ready for the show</source>
        <translation>prøven er slutt; klar for showet</translation>
    </message>
    <message>
        <source>winners in preview on</source>
        <translation>vinnere i forhåndsvisningen på</translation>
    </message>
    <message>
        <source>winners in preview off</source>
        <translation>vinnere i forhåndsvisningen av</translation>
    </message>
    <message>
        <source>the show clock is already running</source>
        <translation>showklokka går allerede</translation>
    </message>
    <message>
        <source>show clock started</source>
        <translation>showklokka er startet</translation>
    </message>
    <message>
        <source>nothing to cancel</source>
        <translation>ingenting å avbryte</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>avbrutt</translation>
    </message>
    <message>
        <source>an empty message</source>
        <translation>en tom melding</translation>
    </message>
    <message>
        <source>a message is at most {count} characters (the host reads it from afar)</source>
        <translation>en melding har høyst {count} tegn (verten leser den på avstand)</translation>
    </message>
    <message>
        <source>message: {text}</source>
        <translation>melding: {text}</translation>
    </message>
    <message>
        <source>no message to clear</source>
        <translation>ingen melding å fjerne</translation>
    </message>
    <message>
        <source>message cleared</source>
        <translation>meldingen er fjernet</translation>
    </message>
    <message>
        <source>unknown command &apos;{command}&apos;</source>
        <translation>ukjent kommando &apos;{command}&apos;</translation>
    </message>
    <message>
        <source>&apos;{command}&apos; is handled by the window</source>
        <translation>&apos;{command}&apos; håndteres av vinduet</translation>
    </message>
    <message>
        <source>press again to confirm</source>
        <translation>trykk en gang til for å bekrefte</translation>
    </message>
    <message>
        <source>internal error: {error}</source>
        <translation>intern feil: {error}</translation>
    </message>
    <message>
        <source>confirmation expired</source>
        <translation>bekreftelsen gikk ut</translation>
    </message>
    <message>
        <source>reloaded; at cue {number}: {label}</source>
        <translation>lastet inn på nytt; på cue {number}: {label}</translation>
    </message>
    <message>
        <source>second press within {ms} ms ignored</source>
        <translation>andre trykk innen {ms} ms ignorert</translation>
    </message>
    <message>
        <source>the film&apos;s cue is no longer on</source>
        <translation>filmens cue er ikke lenger på</translation>
    </message>
    <message>
        <source>the film ended at the last cue</source>
        <translation>filmen sluttet på siste cue</translation>
    </message>
    <message>
        <source>film ended; cue {number}: {label}</source>
        <translation>filmen er slutt; cue {number}: {label}</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>allerede der</translation>
    </message>
    <message>
        <source>Go back out of the revealed winner of &apos;{name}&apos;? Press again or confirm; Esc cancels.</source>
        <translation>Gå tilbake ut av den avslørte vinneren i &apos;{name}&apos;? Trykk igjen eller bekreft; Esc avbryter.</translation>
    </message>
    <message>
        <source>cue {number}: {label}</source>
        <translation>cue {number}: {label}</translation>
    </message>
    <message>
        <source>key held down: next ignored</source>
        <translation>tasten holdes nede: neste ignorert</translation>
    </message>
    <message>
        <source>transition still running ({seconds} s)</source>
        <translation>overgangen pågår fortsatt ({seconds} s)</translation>
    </message>
    <message>
        <source>already at the last cue</source>
        <translation>allerede på siste cue</translation>
    </message>
    <message>
        <source>the reveal has not fired</source>
        <translation>avsløringen er ikke fyrt av</translation>
    </message>
    <message>
        <source>key held down: previous ignored</source>
        <translation>tasten holdes nede: forrige ignorert</translation>
    </message>
    <message>
        <source>already at the first cue</source>
        <translation>allerede på første cue</translation>
    </message>
    <message>
        <source>no cue &apos;{arg}&apos;</source>
        <translation>ingen cue &apos;{arg}&apos;</translation>
    </message>
    <message>
        <source>cannot restore the saved show: {error}</source>
        <translation>kan ikke hente tilbake det lagrede showet: {error}</translation>
    </message>
    <message>
        <source>resumed at cue {number}: {label}</source>
        <translation>fortsatte på cue {number}: {label}</translation>
    </message>
    <message>
        <source>resumed at cue {number}: {label} (cue &apos;{gone}&apos; is gone)</source>
        <translation>fortsatte på cue {number}: {label} (cue &apos;{gone}&apos; finnes ikke lenger)</translation>
    </message>
    <message>
        <source>a winner is keyed in at its reveal&apos;s suspense step, not before</source>
        <translation>en vinner tastes inn ved avsløringens spenning, ikke før</translation>
    </message>
    <message>
        <source>the name read differs from the script: choose which winner to reveal</source>
        <translation>navnet som ble lest opp, er et annet enn i manus: velg hvilken vinner som skal avsløres</translation>
    </message>
    <message>
        <source>confirm the picked winner first</source>
        <translation>bekreft den valgte vinneren først</translation>
    </message>
    <message>
        <source>pick the winner first</source>
        <translation>velg vinneren først</translation>
    </message>
    <message>
        <source>no winner to reveal</source>
        <translation>ingen vinner å avsløre</translation>
    </message>
    <message>
        <source>unknown class &apos;{name}&apos;</source>
        <translation>ukjent klasse &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>the stage is frozen: unfreeze before the reveal</source>
        <translation>scenen er frosset: tin den før avsløringen</translation>
    </message>
    <message>
        <source>this reveal slide has no reveal step</source>
        <translation>dette avsløringslysbildet har ikke noe avsløringssteg</translation>
    </message>
    <message>
        <source>revealed: {winner} (rehearsal stand-in)</source>
        <translation>avslørt: {winner} (stand-in i prøven)</translation>
    </message>
    <message>
        <source>revealed: {winner}</source>
        <translation>avslørt: {winner}</translation>
    </message>
    <message>
        <source>suspense still running ({seconds} s left)</source>
        <translation>spenningen pågår fortsatt ({seconds} s igjen)</translation>
    </message>
    <message>
        <source>already revealed; reset the reveal to reveal again</source>
        <translation>allerede avslørt; nullstill avsløringen for å avsløre igjen</translation>
    </message>
    <message>
        <source>go to the suspense step first</source>
        <translation>gå til spenningen først</translation>
    </message>
    <message>
        <source>no reveal is armed</source>
        <translation>ingen avsløring er klar</translation>
    </message>
    <message>
        <source>this class&apos;s winner is set in the script</source>
        <translation>vinneren i denne klassen står i manuset</translation>
    </message>
    <message>
        <source>already revealed; reset the reveal first</source>
        <translation>allerede avslørt; nullstill avsløringen først</translation>
    </message>
    <message>
        <source>pick a number from 1 to {count}</source>
        <translation>velg et tall fra 1 til {count}</translation>
    </message>
    <message>
        <source>picked {number}: {nominee}; confirm to lock it in</source>
        <translation>valgte {number}: {nominee}; bekreft for å låse valget</translation>
    </message>
    <message>
        <source>confirmed {winner}; reveal held: {reason}</source>
        <translation>bekreftet {winner}; avsløringen holdes: {reason}</translation>
    </message>
    <message>
        <source>confirmed {winner}</source>
        <translation>bekreftet {winner}</translation>
    </message>
    <message>
        <source>nothing picked to confirm</source>
        <translation>ingenting valgt å bekrefte</translation>
    </message>
    <message>
        <source>the stage is frozen: unfreeze before confirming the winner</source>
        <translation>scenen er frosset: tin den før du bekrefter vinneren</translation>
    </message>
    <message>
        <source>The host read &apos;{read}&apos; but the script says &apos;{expected}&apos;: choose which to reveal.</source>
        <translation>Verten leste &apos;{read}&apos;, men manuset sier &apos;{expected}&apos;: velg hvilken som skal avsløres.</translation>
    </message>
    <message>
        <source>no envelope mismatch to settle</source>
        <translation>ikke noe avvik fra konvolutten å avgjøre</translation>
    </message>
    <message>
        <source>that class has not been revealed</source>
        <translation>den klassen er ikke avslørt</translation>
    </message>
    <message>
        <source>Forget the revealed winner of &apos;{name}&apos; so it can be revealed again? Confirm, or Esc.</source>
        <translation>Glemme den avslørte vinneren i &apos;{name}&apos; så den kan avsløres igjen? Bekreft, eller Esc.</translation>
    </message>
    <message>
        <source>reveal of &apos;{name}&apos; reset</source>
        <translation>avsløringen av &apos;{name}&apos; er nullstilt</translation>
    </message>
    <message>
        <source>nothing to do for this key now</source>
        <extracomment>Seconds a black- or whiteout takes to fade in or out.</extracomment>
        <translation>ingenting å gjøre for denne tasten nå</translation>
    </message>
    <message>
        <source>this machine follows {leader}; drive the show there</source>
        <translation>denne maskinen følger {leader}; styr showet der</translation>
    </message>
    <message>
        <source>mirrored from the leader</source>
        <translation>speilet fra lederen</translation>
    </message>
    <message>
        <source>the leader does not answer</source>
        <translation>lederen svarer ikke</translation>
    </message>
    <message>
        <source>media paused</source>
        <translation>film og lyd på pause</translation>
    </message>
    <message>
        <source>media playing</source>
        <translation>film og lyd spiller</translation>
    </message>
    <message>
        <source>this cue has no film</source>
        <translation>denne cuen har ingen film</translation>
    </message>
    <message>
        <source>film restarted</source>
        <translation>filmen startet på nytt</translation>
    </message>
    <message>
        <source>all sound fading out</source>
        <translation>all lyd tones ut</translation>
    </message>
    <message>
        <source>volume already at {level} dB</source>
        <translation>volumet er allerede {level} dB</translation>
    </message>
    <message>
        <source>volume {level} dB</source>
        <translation>volum {level} dB</translation>
    </message>
</context>
<context>
    <name>Overlays</name>
    <message>
        <source>Keys and commands  —  Esc closes</source>
        <translation>Taster og kommandoer  —  Esc lukker</translation>
    </message>
    <message>
        <source>Go to cue  —  type to search, Enter goes there, Esc closes</source>
        <translation>Gå til cue  —  skriv for å søke, Enter går dit, Esc lukker</translation>
    </message>
    <message>
        <source>number, title or id</source>
        <translation>nummer, tittel eller id</translation>
    </message>
    <message>
        <source>Enter   Confirm the winner</source>
        <translation>Enter   Bekreft vinner</translation>
    </message>
    <message>
        <source>M   Use the script&apos;s winner</source>
        <translation>M   Bruk manusets vinner</translation>
    </message>
    <message>
        <source>O   Use the winner read out</source>
        <translation>O   Bruk opplest vinner</translation>
    </message>
    <message>
        <source>The name read out does not match the script!</source>
        <translation>Opplest navn stemmer ikke med manus!</translation>
    </message>
    <message>
        <source>The script says &lt;b&gt;{script}&lt;/b&gt;, the host read &lt;b&gt;{read}&lt;/b&gt;. Press M or O for the one to reveal.</source>
        <translation>Manuset sier &lt;b&gt;{script}&lt;/b&gt;, verten leste &lt;b&gt;{read}&lt;/b&gt;. Trykk M eller O for hvilken som skal avsløres.</translation>
    </message>
    <message>
        <source>The winner is confirmed — press Next / Reveal to reveal.</source>
        <translation>Vinneren er bekreftet — trykk Neste / Avslør for å avsløre.</translation>
    </message>
    <message>
        <source>Who does the host read out? Press 1–{count}, then Enter to confirm.</source>
        <translation>Hvem leser verten opp? Trykk 1–{count}, så Enter for å bekrefte.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bekreft</translation>
    </message>
    <message>
        <source>Esc   Cancel</source>
        <translation>Esc   Avbryt</translation>
    </message>
    <message>
        <source>{question}  (press the same key again, or Confirm)</source>
        <translation>{question}  (trykk samme tast igjen, eller Bekreft)</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>TIME</source>
        <translation>KLOKKA</translation>
    </message>
    <message>
        <source>SHOW</source>
        <translation>SHOW</translation>
    </message>
    <message>
        <source>ON THE SLIDE</source>
        <translation>PÅ SLIDEN</translation>
    </message>
    <message>
        <source>TO THE END</source>
        <translation>TIL SLUTT</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>ikke startet</translation>
    </message>
    <message>
        <source>No notes for “{title}”.</source>
        <translation>Ingen notater for «{title}».</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>Script</source>
        <extracomment>The keys the clicker must have sent before the show: forward, back and blank. Images with more pixels than this are not decoded by the check (they would take seconds and gigabytes). Keys whose text never reaches the stage: ids, references, file names, timings and switches.</extracomment>
        <translation>Manus</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Oppløsning</translation>
    </message>
    <message>
        <source>Saved show</source>
        <translation>Lagret show</translation>
    </message>
    <message>
        <source>Clicker</source>
        <translation>Klikker</translation>
    </message>
    <message>
        <source>Stage screen</source>
        <translation>Sceneskjerm</translation>
    </message>
    <message>
        <source>Screen saver</source>
        <translation>Skjermsparer</translation>
    </message>
    <message>
        <source>resume from cue &apos;{cue}&apos; ({saved})</source>
        <translation>fortsett fra cue &apos;{cue}&apos; ({saved})</translation>
    </message>
    <message>
        <source>unusable saved show: {reason}</source>
        <translation>lagret show kan ikke brukes: {reason}</translation>
    </message>
    <message>
        <source>none yet; the show will save to {path}</source>
        <translation>ingen ennå; showet lagres til {path}</translation>
    </message>
    <message>
        <source>checks</source>
        <translation>sjekkene</translation>
    </message>
    <message>
        <source>{family} covers every character of the script</source>
        <translation>{family} har alle tegnene i manuset</translation>
    </message>
    <message>
        <source>{count} of the {what} fail: {first}</source>
        <translation>{count} av {what} feiler: {first}</translation>
    </message>
    <message>
        <source>Films and sounds</source>
        <translation>Filmer og lyder</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Lyd</translation>
    </message>
    <message>
        <source>not checked: {reason}</source>
        <translation>ikke sjekket: {reason}</translation>
    </message>
    <message>
        <source>all {count} play</source>
        <translation>alle {count} kan spilles</translation>
    </message>
    <message>
        <source>films and sounds</source>
        <translation>filmene og lydene</translation>
    </message>
    <message>
        <source>{state} — outputs: {devices}</source>
        <translation>{state} — utganger: {devices}</translation>
    </message>
    <message>
        <source>{count} warning(s): {first}</source>
        <translation>{count} advarsel(er): {first}</translation>
    </message>
    <message>
        <source>sound: {count} slides, no warnings</source>
        <translation>i orden: {count} lysbilder, ingen advarsler</translation>
    </message>
    <message>
        <source>the last reload failed ({count}): {first}</source>
        <translation>siste innlasting feilet ({count}): {first}</translation>
    </message>
    <message>
        <source>all {count} images decode and show on stage</source>
        <translation>alle {count} bildene kan leses og vises på scenen</translation>
    </message>
    <message>
        <source>images</source>
        <translation>bildene</translation>
    </message>
    <message>
        <source>texts</source>
        <translation>tekstene</translation>
    </message>
    <message>
        <source>expects {size} (checked at show time)</source>
        <translation>forventer {size} (sjekkes når showet går)</translation>
    </message>
    <message>
        <source>no settings.stage_resolution; not checked</source>
        <translation>ingen settings.stage_resolution; ikke sjekket</translation>
    </message>
    <message>
        <source>Next, Previous and Black all seen</source>
        <translation>Neste, Forrige og Svart er alle sett</translation>
    </message>
    <message>
        <source>seen {seen}; press {missing} on the clicker</source>
        <translation>har sett {seen}; trykk {missing} på klikkeren</translation>
    </message>
    <message>
        <source>press {missing} on the clicker</source>
        <translation>trykk {missing} på klikkeren</translation>
    </message>
    <message>
        <source>no stage window</source>
        <translation>ingen scenevindu</translation>
    </message>
    <message>
        <source>no stage screen to measure</source>
        <translation>ingen sceneskjerm å måle</translation>
    </message>
    <message>
        <source>stage screen &apos;{name}&apos; is gone — check the cable</source>
        <translation>sceneskjermen &apos;{name}&apos; er borte — sjekk kabelen</translation>
    </message>
    <message>
        <source>stage is a window on &apos;{name}&apos;, not fullscreen</source>
        <translation>scenen er et vindu på &apos;{name}&apos;, ikke fullskjerm</translation>
    </message>
    <message>
        <source>fullscreen on &apos;{name}&apos; ({size})</source>
        <translation>fullskjerm på &apos;{name}&apos; ({size})</translation>
    </message>
    <message>
        <source>stage is {size}; no settings.stage_resolution</source>
        <translation>scenen er {size}; ingen settings.stage_resolution</translation>
    </message>
    <message>
        <source>expected {expected}; the stage screen is gone</source>
        <translation>forventet {expected}; sceneskjermen er borte</translation>
    </message>
    <message>
        <source>stage screen is {size}, the script expects {expected}</source>
        <translation>sceneskjermen er {size}, manuset forventer {expected}</translation>
    </message>
    <message>
        <source>{size} as expected</source>
        <translation>{size} som forventet</translation>
    </message>
    <message>
        <source>screen saver and display sleep inhibited</source>
        <translation>skjermsparer og hvilemodus for skjermen er hindret</translation>
    </message>
    <message>
        <source>not inhibited (the inhibitor is not running)</source>
        <translation>ikke hindret (hindreren kjører ikke)</translation>
    </message>
    <message>
        <source>not inhibited: {reason} — switch it off by hand</source>
        <translation>ikke hindret: {reason} — slå den av for hånd</translation>
    </message>
    <message>
        <source>saving to {path}</source>
        <translation>lagrer til {path}</translation>
    </message>
    <message>
        <source>the saved show cannot be read: {reason}</source>
        <translation>det lagrede showet kan ikke leses: {reason}</translation>
    </message>
    <message>
        <source>nothing saved yet; the first cue change saves to {path}</source>
        <translation>ingenting lagret ennå; første cue-bytte lagrer til {path}</translation>
    </message>
    <message>
        <source>no sound: {reason}</source>
        <extracomment>The device&apos;s buffer: enough to ride out a GIL-holding moment on another thread, little enough for sync. Tests name this device to get a MemoryOutput driven by the show&apos;s clock.</extracomment>
        <translation>ingen lyd: {reason}</translation>
    </message>
    <message>
        <source>sound not started yet</source>
        <translation>lyden er ikke startet ennå</translation>
    </message>
    <message>
        <source>memory (tests)</source>
        <translation>minne (tester)</translation>
    </message>
    <message>
        <source>muted (--mute): nothing is heard</source>
        <translation>dempet (--mute): ingenting høres</translation>
    </message>
    <message>
        <source>{device} (the system&apos;s default)</source>
        <translation>{device} (systemets standard)</translation>
    </message>
    <message>
        <source>&apos;{device}&apos; is not connected; nothing is heard</source>
        <translation>&apos;{device}&apos; er ikke koblet til; ingenting høres</translation>
    </message>
    <message>
        <source>no sound output on this machine</source>
        <translation>ingen lydutgang på denne maskinen</translation>
    </message>
    <message>
        <source>the sound output failed: {reason}</source>
        <translation>lydutgangen sviktet: {reason}</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>ceremony — Presenter — {file}</source>
        <translation>ceremony — Operatør — {file}</translation>
    </message>
    <message>
        <source>REHEARSAL  —  the reveals show a stand-in, drawn without looking at the winner</source>
        <translation>PRØVE  —  avsløringene viser en stand-in, trukket uten å se på vinneren</translation>
    </message>
    <message>
        <source>ON STAGE</source>
        <translation>PÅ SCENEN</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>NESTE</translation>
    </message>
    <message>
        <source>NOTES</source>
        <translation>NOTATER</translation>
    </message>
    <message>
        <source>CHECKLIST</source>
        <translation>SJEKKLISTE</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>VERT</translation>
    </message>
    <message>
        <source>CUES</source>
        <translation>CUER</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Key tester: press a key</source>
        <translation>Nøkkeltest: trykk en tast</translation>
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
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>Cue {number}/{count}: {label}</source>
        <translation>Cue {number}/{count}: {label}</translation>
    </message>
    <message>
        <source>ON STAGE   ·   REHEARSAL</source>
        <translation>PÅ SCENEN   ·   PRØVE</translation>
    </message>
    <message>
        <source>PREVIEW  {number}: {label}</source>
        <translation>FORHÅNDSVIS  {number}: {label}</translation>
    </message>
    <message>
        <source>Enter / double-click: take this cue   ·   Esc: follow the show</source>
        <translation>Enter / dobbeltklikk: ta denne cuen   ·   Esc: følg showet</translation>
    </message>
    <message>
        <source>NEXT  —  the end</source>
        <translation>NESTE  —  slutt</translation>
    </message>
    <message>
        <source>NEXT  {number}: {label}</source>
        <translation>NESTE  {number}: {label}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Phone:&lt;/b&gt; {url}&lt;br&gt;&lt;b&gt;Token:&lt;/b&gt; &lt;code&gt;{token}&lt;/code&gt;</source>
        <translation>&lt;b&gt;Telefon:&lt;/b&gt; {url}&lt;br&gt;&lt;b&gt;Token:&lt;/b&gt; &lt;code&gt;{token}&lt;/code&gt;</translation>
    </message>
    <message>
        <source>REMOTE</source>
        <translation>FJERNKONTROLL</translation>
    </message>
    <message>
        <source>CHECKLIST ✓</source>
        <translation>SJEKKLISTE ✓</translation>
    </message>
    <message>
        <source>CHECKLIST ·</source>
        <translation>SJEKKLISTE ·</translation>
    </message>
    <message>
        <source>CHECKLIST ✗</source>
        <translation>SJEKKLISTE ✗</translation>
    </message>
    <message>
        <source>Put cue {number} “{label}” on stage now?</source>
        <translation>Sett cue {number} «{label}» på scenen nå?</translation>
    </message>
    <message>
        <source>Go to cue</source>
        <translation>Gå til cue</translation>
    </message>
    <message>
        <source>go to cue {number} — Enter to jump, Esc to cancel</source>
        <translation>gå til cue {number} — Enter for å hoppe, Esc for å avbryte</translation>
    </message>
    <message>
        <source>cue number cancelled</source>
        <translation>cue-nummeret er glemt</translation>
    </message>
    <message>
        <source>The show is running. Do you really want to quit?</source>
        <translation>Showet går. Vil du virkelig avslutte?</translation>
    </message>
    <message>
        <source>Quit ceremony</source>
        <translation>Avslutt ceremony</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorert</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Holdt</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bekreft</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Feil</translation>
    </message>
    <message>
        <source>{kind}: {text}</source>
        <translation>{kind}: {text}</translation>
    </message>
    <message>
        <source>Key: {key} → {commands}</source>
        <translation>Tast: {key} → {commands}</translation>
    </message>
    <message>
        <source>Key: {key}</source>
        <translation>Tast: {key}</translation>
    </message>
    <message>
        <source>REHEARSAL</source>
        <translation>PRØVE</translation>
    </message>
    <message>
        <source>BLACK</source>
        <translation>SVART</translation>
    </message>
    <message>
        <source>WHITE</source>
        <translation>HVIT</translation>
    </message>
    <message>
        <source>FROZEN</source>
        <translation>FRYST</translation>
    </message>
    <message>
        <source>Confirm: {question}</source>
        <translation>Bekreft: {question}</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>no screen &apos;{requested}&apos; for the stage; the screens are: {listing}</source>
        <translation>ingen skjerm «{requested}» for scenen; skjermene er: {listing}</translation>
    </message>
    <message>
        <source>there is no screen to show the stage on</source>
        <translation>det finnes ingen skjerm å vise scenen på</translation>
    </message>
    <message>
        <source>ceremony — screen {index}</source>
        <translation>ceremony — skjerm {index}</translation>
    </message>
    <message>
        <source>The stage&apos;s screen “{name}” is still missing (new screen: {new})</source>
        <extracomment>Seconds after a window returns to its screen in which a move by the window system is checked, not obeyed.</extracomment>
        <translation>Sceneskjermen «{name}» mangler fortsatt (ny skjerm: {new})</translation>
    </message>
    <message>
        <source>THE STAGE&apos;S SCREEN “{name}” IS GONE — the stage is now hidden</source>
        <translation>SCENESKJERMEN «{name}» ER BORTE — scenen er nå skjult</translation>
    </message>
    <message>
        <source>THE STAGE&apos;S SCREEN “{name}” IS GONE — the stage is now a small window on the operator&apos;s screen</source>
        <translation>SCENESKJERMEN «{name}» ER BORTE — scenen er nå et lite vindu på operatørskjermen</translation>
    </message>
    <message>
        <source>Stage: {index}: {name} {width}×{height} (fullscreen)</source>
        <translation>Scene: {index}: {name} {width}×{height} (fullskjerm)</translation>
    </message>
    <message>
        <source>The host monitor&apos;s screen “{name}” is still missing (new screen: {new})</source>
        <translation>Skjermen til vertsskjermen «{name}» mangler fortsatt (ny skjerm: {new})</translation>
    </message>
    <message>
        <source>THE HOST MONITOR&apos;S SCREEN “{name}” IS GONE — the host monitor is now hidden</source>
        <translation>SKJERMEN TIL VERTSSKJERMEN «{name}» ER BORTE — vertsskjermen er nå skjult</translation>
    </message>
    <message>
        <source>THE HOST MONITOR&apos;S SCREEN “{name}” IS GONE — the host monitor is now a small window on the operator&apos;s screen</source>
        <translation>SKJERMEN TIL VERTSSKJERMEN «{name}» ER BORTE — vertsskjermen er nå et lite vindu på operatørskjermen</translation>
    </message>
    <message>
        <source>Host monitor: {index}: {name} {width}×{height} (fullscreen)</source>
        <translation>Vertsskjerm: {index}: {name} {width}×{height} (fullskjerm)</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>ceremony — Stage</source>
        <translation>ceremony — Scene</translation>
    </message>
</context>
</TS>
